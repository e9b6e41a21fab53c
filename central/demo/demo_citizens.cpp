#include "demo/demo_citizens.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/id_number.hpp"
#include "demo/essc_token.hpp"
#include "demo/fictional.hpp"
#include "demo/insurance_history.hpp"

namespace onestop::central::demo {
namespace {

core::Error refuse(const DemoPerson& p, const std::string& why) {
  return core::Error{"demo person '" + p.key + "': " + why};
}

bool isUpperLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The 2017 foreign permanent resident card number: nationality letters + 12 digits.
bool isForeign2017Number(std::string_view n) {
  if (n.size() != 15) return false;
  for (std::size_t i = 0; i < 15; ++i)
    if (i < 3 ? !isUpperLetter(n[i]) : !isDigit(n[i])) return false;
  return true;
}

bool idNumberUsable(const DemoCard& card, std::chrono::year_month_day today) {
  if (card.type == "foreign2017") return isForeign2017Number(card.idNumber);
  return core::validateIdNumber(card.idNumber, today) == core::IdNumberCheck::Valid;
}

// People who left work or retired still have an employer on their old periods.
std::string formerEmployer(std::string_view key) {
  static constexpr std::array<std::string_view, 4> kNames{"测试机械制造厂", "测试纺织有限公司",
                                                          "测试建筑工程有限公司", "测试百货商店"};
  return std::string(kNames[stableHash(key) % kNames.size()]);
}

core::Result<InsuranceProfile> profileOf(const DemoPerson& p) {
  const DemoInsurance& ins = p.insurance;
  InsuranceProfile profile;
  for (const auto& part : ins.participations) {
    if (!isInsuranceType(part.type)) return refuse(p, "unknown insurance type '" + part.type + "'");
    if (!isParticipationStatus(part.status)) return refuse(p, "unknown participation status '" + part.status + "'");
    if (!contributionRates(part.type, ins.flexibleEmployment))
      return refuse(p, "flexible employment cannot contribute to " + part.type);
    profile.participations.push_back({part.type, part.status});
  }
  if (ins.paidMonths < 0 || ins.arrearsMonths < 0) return refuse(p, "negative month count");
  profile.paidMonths = ins.paidMonths;
  profile.arrearsMonths = ins.arrearsMonths;
  profile.baseYuan = std::llround(ins.contributionBase);
  for (const auto& g : ins.gaps) {
    const auto from = parseMonth(g.from);
    const auto to = parseMonth(g.to);
    if (!from || !to || *to < *from) return refuse(p, "gap months must be YYYY-MM, from <= to");
    profile.gaps.emplace_back(*from, *to);
  }
  const bool employed = !ins.flexibleEmployment;
  profile.employer = !employed ? "" : !ins.employer.empty() ? ins.employer : formerEmployer(p.key);
  profile.flexibleEmployment = ins.flexibleEmployment;
  profile.accountBalanceFen = std::llround(ins.personalAccountBalance * 100);
  for (const auto& b : ins.benefits) {
    const auto since = parseMonth(b.since);
    if (!since) return refuse(p, "benefit 'since' must be YYYY-MM");
    profile.benefits.push_back({b.type, *since, std::llround(b.monthlyAmount * 100)});
  }
  return profile;
}

}  // namespace

std::string demoCitizenId(std::string_view key) {
  char id[16];
  std::snprintf(id, sizeof id, "C0%05llu", static_cast<unsigned long long>(stableHash(key) % 100000));
  return id;
}

core::Result<std::optional<CitizenRecords>> expandDemoPerson(const DemoPerson& person,
                                                             std::chrono::year_month_day referenceDate) {
  if (!person.inSystem) return std::optional<CitizenRecords>{};
  if (!idNumberUsable(person.card, referenceDate)) return refuse(person, "ID number fails its check");
  auto profile = profileOf(person);
  if (!profile) return core::Error{profile.error()};

  CitizenRecords r;
  r.key = person.key;
  CitizenRow& c = r.citizen;
  c.id = demoCitizenId(person.key);
  c.idNumber = person.card.idNumber;
  c.cardType = person.card.type;
  c.name = person.card.name;
  c.englishName = person.card.englishName;
  c.gender = person.card.gender;
  c.birthDate = person.card.birthDate;
  c.phone = person.phone;
  c.address = person.card.address;
  c.bankAccount = fictionalBankAccount(stableHash("bank:" + person.key));
  c.employer = person.insurance.employer;
  const MonthIndex first = buildInsuranceRecords(profile.value(), referenceDate, r);
  c.createdAt = monthStartEpochSeconds(first);
  r.esscToken = demoEsscToken(person.key);
  r.essc = {esscTokenHash(r.esscToken), kDemoEsscExpiresAt};
  return std::optional<CitizenRecords>{std::move(r)};
}

core::Result<std::vector<CitizenRecords>> expandDemoPeople(const std::vector<DemoPerson>& people,
                                                           std::chrono::year_month_day referenceDate) {
  std::vector<CitizenRecords> all;
  std::set<std::string> keys;
  std::set<std::string> ids;
  std::set<std::string> idNumbers;
  for (const auto& person : people) {
    if (!keys.insert(person.key).second) return refuse(person, "key used twice");
    auto records = expandDemoPerson(person, referenceDate);
    if (!records) return core::Error{records.error()};
    if (!records.value()) continue;
    CitizenRecords& r = *records.value();
    if (!ids.insert(r.citizen.id).second) return refuse(person, "internal id collides; rename the key");
    if (!idNumbers.insert(r.citizen.idNumber).second) return refuse(person, "ID number used twice");
    all.push_back(std::move(r));
  }
  return all;
}

}  // namespace onestop::central::demo
