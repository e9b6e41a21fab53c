#include "demo/synthetic.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

#include "demo/essc_token.hpp"
#include "demo/fictional.hpp"
#include "demo/insurance_history.hpp"

namespace onestop::central::demo {
namespace {

// County codes that no named demo person uses, so synthetic ID numbers never meet theirs.
constexpr std::array<std::string_view, 12> kRegions{"110101", "120101", "130102", "210102", "310101", "320505",
                                                     "330102", "350102", "420106", "440103", "500101", "610102"};
constexpr std::array<std::string_view, 16> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵",
                                                      "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
constexpr std::array<std::string_view, 16> kGivenNames{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊",
                                                        "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"};
constexpr std::array<std::string_view, 8> kTrades{"科技", "商贸", "物流", "餐饮", "建设", "制造", "医药", "传媒"};
constexpr std::array<std::string_view, 5> kAllTypes{"pension", "medical", "unemployment", "workInjury", "maternity"};

std::string pad(std::uint64_t n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*llu", width, static_cast<unsigned long long>(n));
  return buf;
}

}  // namespace

std::string syntheticCitizenId(std::int64_t index) { return "C" + std::to_string(100000 + index); }

SyntheticPeople::SyntheticPeople(std::uint64_t seed, std::chrono::year_month_day referenceDate)
    : seed_(seed), state_(seed), reference_(referenceDate) {}

std::uint64_t SyntheticPeople::random() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::optional<std::string> SyntheticPeople::freeIdNumber(const std::string& birth8, int gender) {
  const std::string prefix = std::string(kRegions[below(kRegions.size())]) + birth8;
  // Sequence parity carries the gender (odd: male). Walk the gender's sequence numbers
  // from a random one while numbers are taken; 000 is never issued.
  const std::uint64_t first = below(500) * 2 + (gender == 1 ? 1 : 2);
  for (std::uint64_t i = 0; i < 500; ++i) {
    const std::uint64_t seq = (first + i * 2 - 1) % 1000 + 1;
    if (seq > 999) continue;
    std::string id = withIdCheckCharacter(prefix + pad(seq, 3));
    if (idNumbers_.insert(id).second) return id;
  }
  return std::nullopt;
}

CitizenRecords SyntheticPeople::next() {
  const std::int64_t index = index_++;
  const int refYear = static_cast<int>(reference_.year());
  const MonthIndex current = monthIndex(reference_);

  const int gender = 1 + static_cast<int>(below(2));
  int age = 0;
  std::string birthDate;
  std::optional<std::string> idNumber;
  while (!idNumber) {  // a new birth date in the rare case that one is full
    age = 20 + static_cast<int>(below(41));  // 20-60
    // Born `age + 1` calendar years back: at least `age` years old on the reference date.
    const std::string y = pad(static_cast<std::uint64_t>(refYear - age - 1), 4);
    const std::string m = pad(1 + below(12), 2);
    const std::string d = pad(1 + below(28), 2);
    birthDate = y + "-" + m + "-" + d;
    idNumber = freeIdNumber(y + m + d, gender);
  }

  CitizenRecords r;
  r.key = "synthetic-" + std::to_string(index);
  CitizenRow& c = r.citizen;
  c.id = syntheticCitizenId(index);
  c.idNumber = *idNumber;
  c.name = "测试" + std::string(kSurnames[below(kSurnames.size())]) + std::string(kGivenNames[below(kGivenNames.size())]);
  if (below(2) == 0) c.name += kGivenNames[below(kGivenNames.size())];
  c.gender = gender;
  c.birthDate = birthDate;
  c.cardType = "mainland";
  c.phone = "1390" + pad(static_cast<std::uint64_t>(index) % 10000000, 7);
  c.address = "测试省测试市测试区测试路" + std::to_string(1 + below(999)) + "号";
  c.bankAccount = fictionalBankAccount(random());

  InsuranceProfile p;
  const auto kind = below(100);  // 75 employees, 15 flexible, 6 in arrears, 4 suspended
  p.flexibleEmployment = kind >= 75 && kind < 90;
  const bool suspended = kind >= 96;
  const std::string status = suspended ? "suspended" : "active";
  if (p.flexibleEmployment) {
    p.participations = {{"pension", status}, {"medical", status}};
  } else {
    for (const auto type : kAllTypes) p.participations.push_back({std::string(type), status});
    p.employer = "测试" + std::string(kTrades[below(kTrades.size())]) + std::to_string(1 + below(500)) + "有限公司";
  }
  c.employer = suspended ? "" : p.employer;
  const int workingMonths = std::max(12, (age - 18) * 12 - 1);
  p.paidMonths = 12 + static_cast<int>(below(static_cast<std::uint64_t>(std::min(229, workingMonths - 11))));
  p.arrearsMonths = kind >= 90 && kind < 96 ? 1 + static_cast<int>(below(6)) : 0;
  p.baseYuan = 3000 + static_cast<std::int64_t>(below(171)) * 100;

  const MonthIndex first = buildInsuranceRecords(p, reference_, r);
  c.createdAt = monthStartEpochSeconds(std::min(first, current));
  r.esscToken = syntheticEsscToken(seed_, index);
  r.essc = {esscTokenHash(r.esscToken), kDemoEsscExpiresAt};
  return r;
}

}  // namespace onestop::central::demo
