#pragma once
// Any number of synthetic citizens from a seed, for load tests: valid GB 11643 ID numbers
// (never those of the named demo people), names starting with 测试, a mix of employees,
// flexible workers, arrears and suspensions. Generated one at a time so a large
// population never has to sit in memory.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

#include "demo/records.hpp"

namespace onestop::central::demo {

/// Internal id of synthetic person `index`: "C" + (100000 + index).
std::string syntheticCitizenId(std::int64_t index);

class SyntheticPeople {
 public:
  SyntheticPeople(std::uint64_t seed, std::chrono::year_month_day referenceDate);

  /// The next person (index 0, 1, …); the same seed always gives the same sequence.
  CitizenRecords next();
  std::int64_t generated() const { return index_; }

 private:
  std::uint64_t random();            // splitmix64: the same numbers on every platform
  std::uint64_t below(std::uint64_t n) { return random() % n; }
  /// An unused ID number for the birth date (YYYYMMDD) in a random region, if one is left.
  std::optional<std::string> freeIdNumber(const std::string& birth8, int gender);

  std::uint64_t seed_;
  std::uint64_t state_;
  std::chrono::year_month_day reference_;
  std::int64_t index_ = 0;
  std::unordered_set<std::string> idNumbers_;
};

}  // namespace onestop::central::demo
