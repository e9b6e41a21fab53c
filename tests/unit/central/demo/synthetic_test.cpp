#include <set>

#include <doctest/doctest.h>

#include "core/id_number.hpp"
#include "demo/insurance_history.hpp"
#include "demo/months.hpp"
#include "demo/synthetic.hpp"
#include "demo_people_fixture.hpp"

using namespace onestop::central::demo;
using namespace std::chrono;

namespace {

std::vector<CitizenRecords> generate(std::int64_t n, std::uint64_t seed) {
  SyntheticPeople people(seed, demo_test::kReference);
  std::vector<CitizenRecords> all;
  for (std::int64_t i = 0; i < n; ++i) all.push_back(people.next());
  return all;
}

}  // namespace

TEST_CASE("synthetic people have unique, valid ID numbers that no demo person has") {
  const auto people = generate(1000, 42);
  std::set<std::string> idNumbers;
  std::set<std::string> ids;
  std::set<std::string> tokens;
  for (const auto& p : demo_test::people()) idNumbers.insert(p.card.idNumber);
  const std::size_t demoCount = idNumbers.size();
  for (std::size_t i = 0; i < people.size(); ++i) {
    const CitizenRow& c = people[i].citizen;
    CAPTURE(i);
    CHECK(onestop::core::validateIdNumber(c.idNumber, demo_test::kReference) == onestop::core::IdNumberCheck::Valid);
    CHECK(onestop::core::idNumberGenderCode(c.idNumber) == c.gender);
    CHECK(c.idNumber.substr(6, 4) + "-" + c.idNumber.substr(10, 2) + "-" + c.idNumber.substr(12, 2) == c.birthDate);
    CHECK(c.id == syntheticCitizenId(static_cast<std::int64_t>(i)));
    idNumbers.insert(c.idNumber);
    ids.insert(c.id);
    tokens.insert(people[i].essc.tokenHash);
  }
  CHECK(idNumbers.size() == demoCount + people.size());
  CHECK(ids.size() == people.size());
  CHECK(tokens.size() == people.size());
  CHECK(syntheticCitizenId(0) == "C100000");
}

TEST_CASE("synthetic people are obviously fictional") {
  for (const auto& p : generate(300, 7)) {
    CHECK(p.citizen.name.rfind("测试", 0) == 0);
    CHECK(p.citizen.address.rfind("测试省", 0) == 0);
    CHECK(p.citizen.phone.rfind("1390", 0) == 0);
    CHECK(p.citizen.bankAccount.rfind("62220000", 0) == 0);
    if (!p.citizen.employer.empty()) CHECK(p.citizen.employer.rfind("测试", 0) == 0);
  }
}

TEST_CASE("the same seed gives the same people, another seed others") {
  const auto a = generate(200, 2024);
  CHECK(a == generate(200, 2024));
  const auto b = generate(200, 2025);
  CHECK(a.front().citizen.idNumber != b.front().citizen.idNumber);
}

TEST_CASE("synthetic records are consistent: rates, statuses, account, one token each") {
  int flexible = 0;
  int withArrears = 0;
  int suspended = 0;
  for (const auto& p : generate(1000, 99)) {
    CAPTURE(p.key);
    const bool isFlexible = p.participations.size() == 2;
    flexible += isFlexible;
    suspended += p.participations.front().status == "suspended";
    bool arrears = false;
    bool amountsFollowRates = true;  // one CHECK per person: there are ~10^5 rows
    for (const auto& c : p.contributions) {
      const auto rates = contributionRates(c.insuranceType, isFlexible);
      amountsFollowRates = amountsFollowRates && rates && c.baseFen >= 100 &&
                           c.employerFen == shareOf(c.baseFen, rates->employerBp) &&
                           c.personalFen == shareOf(c.baseFen, rates->personalBp);
      arrears = arrears || c.status == "arrears";
    }
    CHECK(amountsFollowRates);
    withArrears += arrears;
    CHECK_FALSE(p.contributions.empty());
    CHECK_FALSE(p.pensionAccount.empty());
    std::int64_t credited = 0;
    for (const auto& c : p.contributions)
      if (c.insuranceType == "pension" && c.status == "paid") credited += shareOf(c.baseFen, kPersonalAccountBp);
    std::int64_t previous = 0;
    std::int64_t inAccount = 0;
    for (const auto& a : p.pensionAccount) {
      inAccount += a.contributedFen;
      CHECK(a.openingFen == previous);
      CHECK(a.closingFen == a.openingFen + a.contributedFen + a.interestFen);
      previous = a.closingFen;
    }
    CHECK(inAccount == credited);  // no balance to meet: the account is exactly 8%
    CHECK(p.essc.expiresAt > 0);
    CHECK(p.benefitPayments.empty());
  }
  // The mix is part of what a load test exercises.
  CHECK(flexible > 100);
  CHECK(withArrears > 20);
  CHECK(suspended > 10);
}
