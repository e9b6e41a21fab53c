#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <doctest/doctest.h>

#include "core/identity_check.hpp"
#include "demo/insurance_history.hpp"
#include "demo/months.hpp"
#include "demo_people_fixture.hpp"

using namespace onestop::central::demo;
using namespace std::chrono;
using demo_test::kReference;
using demo_test::person;
using demo_test::records;
using demo_test::recordsOf;

namespace {

year_month_day parseDay(const std::string& text) {
  REQUIRE(text.size() == 10);
  return year{std::stoi(text.substr(0, 4))} / month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))} /
         day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))};
}

onestop::core::CardType cardType(const std::string& type) {
  if (type == "hmtPermit") return onestop::core::CardType::HmtPermit;
  if (type == "foreign2017") return onestop::core::CardType::Foreign2017;
  if (type == "foreign2023") return onestop::core::CardType::Foreign2023;
  return onestop::core::CardType::Mainland;
}

std::vector<ContributionRow> contributionsOf(const CitizenRecords& r, std::string_view type) {
  std::vector<ContributionRow> rows;
  for (const auto& c : r.contributions)
    if (c.insuranceType == type) rows.push_back(c);
  return rows;
}

std::set<std::string> typesOf(const CitizenRecords& r) {
  std::set<std::string> types;
  for (const auto& c : r.contributions) types.insert(c.insuranceType);
  return types;
}

const std::string kReferenceMonth = formatMonth(monthIndex(kReference));

}  // namespace

TEST_CASE("every in-system person gets records, the others none") {
  std::set<std::string> keys;
  for (const auto& r : records()) keys.insert(r.key);
  for (const auto& p : demo_test::people()) {
    CAPTURE(p.key);
    CHECK(keys.count(p.key) == (p.inSystem ? 1u : 0u));
  }
  CHECK(keys.count("not-in-system") == 0);
  CHECK(keys.count("bad-check") == 0);
  const auto nobody = expandDemoPerson(person("not-in-system"), kReference);
  REQUIRE(nobody.ok());
  CHECK_FALSE(nobody.value().has_value());
}

TEST_CASE("records carry the card's identity, and every card passes the kiosk's identity check") {
  // A day inside every demo card's validity, so that only the number and fields are judged.
  const year_month_day cardsValid = year{2025} / 1 / 1;
  for (const auto& r : records()) {
    const auto& p = person(r.key);
    CAPTURE(r.key);
    CHECK(r.citizen.idNumber == p.card.idNumber);
    CHECK(r.citizen.name == p.card.name);
    CHECK(r.citizen.englishName == p.card.englishName);
    CHECK(r.citizen.cardType == p.card.type);
    CHECK(r.citizen.gender == p.card.gender);
    CHECK(r.citizen.birthDate == p.card.birthDate);
    CHECK(r.citizen.address == p.card.address);
    CHECK(r.citizen.phone == p.phone);
    CHECK(r.citizen.cardStatus == "normal");

    onestop::core::Identity id;
    id.cardType = cardType(p.card.type);
    id.name = p.card.name;
    id.englishName = p.card.englishName;
    id.genderCode = p.card.gender;
    id.nationality = id.cardType == onestop::core::CardType::Foreign2017 ? p.card.idNumber.substr(0, 3) : "";
    id.birthDate = parseDay(p.card.birthDate);
    id.address = p.card.address;
    id.idNumber = p.card.idNumber;
    id.validFrom = year{2010} / 1 / 1;
    id.validTo = year{2040} / 1 / 1;
    const auto check = onestop::core::checkIdentity(id, cardsValid);
    CHECK_MESSAGE(check.ok(), onestop::core::identityCheckKey(check));
    if (p.card.idNumber.size() == 18)
      CHECK(onestop::core::validateIdNumber(p.card.idNumber, kReference) == onestop::core::IdNumberCheck::Valid);
  }
}

TEST_CASE("internal ids, bank accounts and tokens are unique and follow from the key") {
  std::set<std::string> ids;
  std::set<std::string> banks;
  std::set<std::string> tokens;
  for (const auto& r : records()) {
    CAPTURE(r.key);
    CHECK(r.citizen.id == demoCitizenId(r.key));
    CHECK(r.citizen.id.size() == 7);
    CHECK(r.citizen.id.rfind("C0", 0) == 0);
    CHECK(r.citizen.bankAccount.size() == 19);
    CHECK(r.citizen.bankAccount.rfind("62220000", 0) == 0);
    ids.insert(r.citizen.id);
    banks.insert(r.citizen.bankAccount);
    tokens.insert(r.esscToken);
  }
  CHECK(ids.size() == records().size());
  CHECK(banks.size() == records().size());
  CHECK(tokens.size() == records().size());
}

TEST_CASE("expansion is deterministic") {
  const auto again = expandDemoPeople(demo_test::people(), kReference);
  REQUIRE(again.ok());
  CHECK(again.value() == records());
  // Another day of the same month changes nothing but this month's pension.
  const auto sameMonth = expandDemoPeople(demo_test::people(), year{2026} / 3 / 25);
  REQUIRE(sameMonth.ok());
  CHECK(sameMonth.value() == records());
}

TEST_CASE("the worker has paid every month up to the reference month, for all five insurances") {
  const auto& r = recordsOf("worker");
  CHECK(typesOf(r) == std::set<std::string>{"pension", "medical", "unemployment", "workInjury", "maternity"});
  for (const auto& type : typesOf(r)) {
    const auto rows = contributionsOf(r, type);
    CAPTURE(type);
    REQUIRE(rows.size() == 212);
    CHECK(rows.back().month == kReferenceMonth);
    CHECK(std::all_of(rows.begin(), rows.end(), [](const auto& c) { return c.status == "paid"; }));
    CHECK(rows.back().baseFen == 980000);
    CHECK(std::is_sorted(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.month < b.month; }));
  }
  CHECK(r.citizen.employer == "测试科技有限公司");
  for (const auto& h : r.history) {
    CHECK(h.seq == 1);
    CHECK(h.toMonth.empty());
    CHECK(h.status == "active");
    CHECK(h.employer == "测试科技有限公司");
  }
  CHECK(r.benefitPayments.empty());
}

TEST_CASE("the arrears person owes exactly the last arrearsMonths months and has no rows in the gaps") {
  const auto& p = person("arrears");
  const auto& r = recordsOf("arrears");
  REQUIRE(p.insurance.arrearsMonths == 5);
  for (const auto& type : typesOf(r)) {
    CAPTURE(type);
    const auto rows = contributionsOf(r, type);
    REQUIRE(rows.size() == 96 + 5);
    for (std::size_t i = 0; i < rows.size(); ++i)
      CHECK(rows[i].status == (i + 5 >= rows.size() ? "arrears" : "paid"));
    CHECK(rows.back().month == kReferenceMonth);
    for (const auto& c : rows)
      for (const auto& g : p.insurance.gaps) CHECK_FALSE((c.month >= g.from && c.month <= g.to));
  }
  // The gaps are breaks between participation periods.
  std::vector<ParticipationPeriodRow> pension;
  for (const auto& h : r.history)
    if (h.insuranceType == "pension") pension.push_back(h);
  REQUIRE(pension.size() == 3);
  CHECK(pension[0].toMonth == "2019-02");
  CHECK(pension[1].fromMonth == "2019-11");
  CHECK(pension[1].toMonth == "2021-12");
  CHECK(pension[2].fromMonth == "2022-05");
  CHECK(pension[2].toMonth.empty());
}

TEST_CASE("the flexible worker pays pension and medical alone") {
  const auto& r = recordsOf("flexible");
  CHECK(typesOf(r) == std::set<std::string>{"pension", "medical"});
  for (const auto& c : r.contributions) {
    CAPTURE(c.month);
    CHECK(c.employerFen == 0);
    CHECK(c.personalFen == shareOf(c.baseFen, c.insuranceType == "pension" ? 2000 : 1000));
  }
  CHECK(contributionsOf(r, "pension").size() == 150);
  for (const auto& h : r.history) CHECK(h.employer.empty());
  CHECK(r.citizen.employer.empty());
}

TEST_CASE("the retiree receives a pension on the 15th since retirement and contributed before") {
  const auto& r = recordsOf("retiree");
  REQUIRE_FALSE(r.benefitPayments.empty());
  CHECK(r.benefitPayments.front().month == "2018-11");
  CHECK(r.benefitPayments.back().month == kReferenceMonth);
  CHECK(r.benefitPayments.size() == static_cast<std::size_t>(monthIndex(kReference) - monthIndex(2018, 11) + 1));
  for (const auto& b : r.benefitPayments) {
    CHECK(b.benefitType == "pension");
    CHECK(b.amountFen == 423680);
    CHECK(b.paidOn == b.month + "-15");
  }
  const auto pension = contributionsOf(r, "pension");
  REQUIRE(pension.size() == 420);
  CHECK(pension.back().month == "2018-10");
  REQUIRE_FALSE(r.pensionAccount.empty());
  CHECK(r.pensionAccount.back().year == 2018);
  // Before the 15th, this month's pension is not paid yet.
  const auto early = expandDemoPerson(person("retiree"), year{2026} / 3 / 10);
  REQUIRE(early.ok());
  CHECK(early.value()->benefitPayments.back().month == "2026-02");
}

TEST_CASE("the suspended person stopped contributing and has a closed period") {
  const auto& r = recordsOf("suspended");
  const auto pension = contributionsOf(r, "pension");
  REQUIRE(pension.size() == 180);
  CHECK(pension.back().month == formatMonth(monthIndex(kReference) - kMonthsSinceLeaving));
  CHECK(pension.back().baseFen > 0);
  for (const auto& p : r.participations) CHECK(p.status == "suspended");
  std::vector<ParticipationPeriodRow> periods;
  for (const auto& h : r.history)
    if (h.insuranceType == "medical") periods.push_back(h);
  REQUIRE(periods.size() == 2);
  CHECK(periods[0].status == "active");
  CHECK(periods[0].toMonth == pension.back().month);
  CHECK_FALSE(periods[0].employer.empty());
  CHECK(periods[1].status == "suspended");
  CHECK(periods[1].toMonth.empty());
  CHECK(r.citizen.employer.empty());
}

TEST_CASE("contribution amounts follow the rates and are never negative") {
  for (const auto& r : records()) {
    const bool flexible = person(r.key).insurance.flexibleEmployment;
    for (const auto& c : r.contributions) {
      CAPTURE(r.key);
      CAPTURE(c.insuranceType);
      CAPTURE(c.month);
      const auto rates = contributionRates(c.insuranceType, flexible);
      REQUIRE(rates.has_value());
      CHECK(c.baseFen > 0);
      CHECK(c.employerFen == shareOf(c.baseFen, rates->employerBp));
      CHECK(c.personalFen == shareOf(c.baseFen, rates->personalBp));
      CHECK(c.employerFen >= 0);
      CHECK(c.personalFen >= 0);
    }
  }
}

TEST_CASE("participations start with the first contribution") {
  for (const auto& r : records()) {
    CAPTURE(r.key);
    REQUIRE(r.participations.size() == person(r.key).insurance.participations.size());
    for (const auto& p : r.participations) {
      const auto rows = contributionsOf(r, p.insuranceType);
      REQUIRE_FALSE(rows.empty());
      CHECK(p.since == rows.front().month);
    }
    CHECK(r.citizen.createdAt == monthStartEpochSeconds(*parseMonth(r.participations.front().since)));
  }
}

TEST_CASE("the pension account adds up year by year and ends at the file's balance") {
  for (const auto& r : records()) {
    CAPTURE(r.key);
    const auto& rows = r.pensionAccount;
    REQUIRE_FALSE(rows.empty());
    std::int64_t previous = 0;
    for (const auto& a : rows) {
      CAPTURE(a.year);
      CHECK(a.openingFen == previous);
      CHECK(a.closingFen == a.openingFen + a.contributedFen + a.interestFen);
      CHECK(a.contributedFen >= 0);
      CHECK(a.interestFen >= 0);
      CHECK(a.interestRate == doctest::Approx(pensionInterestRate(static_cast<int>(a.year))));
      previous = a.closingFen;
    }
    const double balance = person(r.key).insurance.personalAccountBalance;
    if (balance > 0) {
      CHECK(rows.back().year == 2026);
      CHECK(rows.back().closingFen == std::llround(balance * 100));
    }
  }
}

TEST_CASE("the account never credits more than 8% of the paid pension bases, and exactly that when the balance fits") {
  for (const auto& r : records()) {
    CAPTURE(r.key);
    std::int64_t credited = 0;
    for (const auto& c : r.contributions)
      if (c.insuranceType == "pension" && c.status == "paid") credited += shareOf(c.baseFen, kPersonalAccountBp);
    std::int64_t inAccount = 0;
    for (const auto& a : r.pensionAccount) inAccount += a.contributedFen;
    CHECK(inAccount <= credited);
  }
  // Long histories fit the file's balance through base growth alone.
  for (const std::string_view key : {"worker", "suspended"}) {
    CAPTURE(key);
    const auto& r = recordsOf(key);
    std::map<std::int64_t, std::int64_t> credited;
    for (const auto& c : contributionsOf(r, "pension"))
      if (c.status == "paid") credited[std::stoll(c.month.substr(0, 4))] += shareOf(c.baseFen, kPersonalAccountBp);
    for (std::size_t i = 0; i + 1 < r.pensionAccount.size(); ++i) {
      const auto& a = r.pensionAccount[i];
      CAPTURE(a.year);
      CHECK(a.contributedFen == credited[a.year]);
    }
  }
}

TEST_CASE("a bad people file is refused with a value, naming the person but not their data") {
  auto people = demo_test::people();
  auto broken = people;
  for (auto& p : broken)
    if (p.key == "worker") p.card.idNumber = "110105198503140313";
  const auto refused = expandDemoPeople(broken, kReference);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("worker") != std::string::npos);
  CHECK(refused.error().find("1101051985") == std::string::npos);

  auto twice = people;
  twice.push_back(people.front());
  CHECK_FALSE(expandDemoPeople(twice, kReference).ok());

  auto unknownType = people;
  unknownType.front().insurance.participations.push_back({"lottery", "active"});
  CHECK_FALSE(expandDemoPeople(unknownType, kReference).ok());

  CHECK_FALSE(parseDemoPeople("{ not json").ok());
  CHECK_FALSE(parseDemoPeople(R"({"people":[{"key":"x"}]})").ok());
  CHECK_FALSE(loadDemoPeople("/nonexistent/people.json").ok());
}

TEST_CASE("docs/demo-data.md lists every in-system person's ID number, internal id and e-SSC token") {
  std::ifstream in(std::string(ONESTOP_SOURCE_ROOT) + "/docs/demo-data.md");
  REQUIRE(in.good());
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& r : records()) {
    CAPTURE(r.key);
    CHECK(doc.find("`" + r.key + "`") != std::string::npos);
    CHECK(doc.find("`" + r.citizen.idNumber + "`") != std::string::npos);
    CHECK(doc.find("| " + r.citizen.id + " |") != std::string::npos);
    CHECK(doc.find("`" + r.esscToken + "`") != std::string::npos);
  }
}
