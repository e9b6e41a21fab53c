#pragma once
// The repository's people.json expanded at a fixed reference date, shared by the tests.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "demo/demo_citizens.hpp"
#include "demo/people_file.hpp"

namespace demo_test {

// Day 20: this month's pension (paid on the 15th) is already out.
inline constexpr std::chrono::year_month_day kReference{std::chrono::year{2026}, std::chrono::month{3},
                                                        std::chrono::day{20}};

inline const std::vector<onestop::central::demo::DemoPerson>& people() {
  static const auto loaded =
      onestop::central::demo::loadDemoPeople(std::string(ONESTOP_SOURCE_ROOT) + "/assets/demo/people.json");
  REQUIRE_MESSAGE(loaded.ok(), loaded.error());
  return loaded.value();
}

inline const std::vector<onestop::central::demo::CitizenRecords>& records() {
  static const auto expanded = onestop::central::demo::expandDemoPeople(people(), kReference);
  REQUIRE_MESSAGE(expanded.ok(), expanded.error());
  return expanded.value();
}

inline const onestop::central::demo::CitizenRecords& recordsOf(std::string_view key) {
  for (const auto& r : records())
    if (r.key == key) return r;
  FAIL("no records for " << key);
  return records().front();
}

inline const onestop::central::demo::DemoPerson& person(std::string_view key) {
  for (const auto& p : people())
    if (p.key == key) return p;
  FAIL("no person " << key);
  return people().front();
}

}  // namespace demo_test
