#include <set>

#include <doctest/doctest.h>

#include "demo/insurance_history.hpp"
#include "demo/months.hpp"

using namespace onestop::central::demo;
using namespace std::chrono;

namespace {

constexpr year_month_day kReference{year{2026}, month{3}, day{20}};

InsuranceProfile employee(int paid) {
  InsuranceProfile p;
  p.participations = {{"pension", "active"}, {"medical", "active"}};
  p.paidMonths = paid;
  p.baseYuan = 5000;
  p.employer = "测试有限公司";
  return p;
}

}  // namespace

TEST_CASE("months convert to and from text") {
  CHECK(formatMonth(monthIndex(2026, 3)) == "2026-03");
  CHECK(formatMonth(monthIndex(2026, 1) - 1) == "2025-12");
  CHECK(parseMonth("2019-03") == monthIndex(2019, 3));
  CHECK_FALSE(parseMonth("2019-13").has_value());
  CHECK_FALSE(parseMonth("2019/03").has_value());
  CHECK_FALSE(parseMonth("2019-3").has_value());
  CHECK(formatDay(monthIndex(2018, 11), 15) == "2018-11-15");
  CHECK(monthStartEpochSeconds(monthIndex(1970, 1)) == 0);
  CHECK(monthStartEpochSeconds(monthIndex(2026, 3)) == 1772323200);
}

TEST_CASE("contribution rates per insurance type") {
  CHECK(contributionRates("pension", false)->employerBp == 1600);
  CHECK(contributionRates("pension", false)->personalBp == 800);
  CHECK(contributionRates("medical", false)->employerBp == 800);
  CHECK(contributionRates("medical", false)->personalBp == 200);
  CHECK(contributionRates("unemployment", false)->personalBp == 50);
  CHECK(contributionRates("workInjury", false)->personalBp == 0);
  CHECK(contributionRates("maternity", false)->employerBp == 80);
  CHECK(contributionRates("pension", true)->personalBp == 2000);
  CHECK(contributionRates("pension", true)->employerBp == 0);
  CHECK(contributionRates("medical", true)->personalBp == 1000);
  CHECK_FALSE(contributionRates("unemployment", true).has_value());
  CHECK_FALSE(contributionRates("lottery", false).has_value());
  CHECK(shareOf(980000, 800) == 78400);
  CHECK(shareOf(333, 50) == 2);  // 1.665 fen rounds half up
}

TEST_CASE("interest rates: the national table, 3% before 2016, 2.5% after 2024") {
  CHECK(pensionInterestRate(2016) == doctest::Approx(0.0831));
  CHECK(pensionInterestRate(2024) == doctest::Approx(0.0262));
  CHECK(pensionInterestRate(2010) == doctest::Approx(0.03));
  CHECK(pensionInterestRate(2026) == doctest::Approx(0.025));
}

TEST_CASE("bases grow year by year up to the latest one") {
  CitizenRecords r;
  buildInsuranceRecords(employee(60), kReference, r);
  std::int64_t previous = 0;
  for (const auto& c : r.contributions) {
    if (c.insuranceType != "pension") continue;
    CHECK(c.baseFen >= previous);
    previous = c.baseFen;
  }
  CHECK(previous == 500000);
}

TEST_CASE("a person with no contributions has an open participation from the reference month") {
  CitizenRecords r;
  const MonthIndex first = buildInsuranceRecords(employee(0), kReference, r);
  CHECK(first == monthIndex(kReference));
  CHECK(r.contributions.empty());
  CHECK(r.pensionAccount.empty());
  REQUIRE(r.history.size() == 2);
  CHECK(r.history[0].fromMonth == "2026-03");
  CHECK(r.history[0].toMonth.empty());
}

TEST_CASE("arrears skip gaps too, and a gap at the end splits the periods") {
  InsuranceProfile p = employee(10);
  p.arrearsMonths = 2;
  p.gaps = {{monthIndex(2026, 2), monthIndex(2026, 2)}};
  CitizenRecords r;
  buildInsuranceRecords(p, kReference, r);
  std::vector<std::string> arrears;
  for (const auto& c : r.contributions)
    if (c.insuranceType == "pension" && c.status == "arrears") arrears.push_back(c.month);
  CHECK(arrears == std::vector<std::string>{"2026-01", "2026-03"});
  std::set<std::string> months;
  for (const auto& c : r.contributions) months.insert(c.month);
  CHECK(months.count("2026-02") == 0);
  CHECK(months.size() == 12);
}

TEST_CASE("an account balance the bases cannot reach is met by scaling the credits") {
  InsuranceProfile p = employee(24);
  p.accountBalanceFen = 500000;  // far less than two years of 8% of 5000 yuan
  CitizenRecords r;
  buildInsuranceRecords(p, kReference, r);
  REQUIRE_FALSE(r.pensionAccount.empty());
  CHECK(r.pensionAccount.back().closingFen == 500000);
  for (const auto& a : r.pensionAccount) CHECK(a.closingFen == a.openingFen + a.contributedFen + a.interestFen);
}
