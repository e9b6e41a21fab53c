#include <doctest/doctest.h>

#include "core/iso_date.hpp"

using namespace onestop::core;
using namespace std::chrono;

TEST_CASE("API days are written and read as YYYY-MM-DD, and only real days are read") {
  CHECK(isoDate(year_month_day{year(2026), month(2), day(5)}) == "2026-02-05");
  const auto d = parseIsoDate("2024-02-29");
  REQUIRE(d.has_value());
  CHECK(*d == year_month_day{year(2024), month(2), day(29)});
  for (const char* bad : {"2025-02-29", "2026-13-01", "2026-1-05", "2026-01-05T00", "2026/01/05", "２０２６-01-05", ""})
    CHECK_FALSE(parseIsoDate(bad).has_value());
  // 2026-11-23 20:00 UTC is already the 24th in Beijing (UTC+8).
  const sys_seconds t = sys_days{year(2026) / 11 / 23} + hours(20);
  CHECK(localDay(t, 480) == year_month_day{year(2026), month(11), day(24)});
  CHECK(localDay(t, 0) == year_month_day{year(2026), month(11), day(23)});
}

TEST_CASE("an API timestamp falls on the hall's local day") {
  CHECK(localDayOf("2026-11-23T16:33:04Z", 480) == "2026-11-24");
  CHECK(localDayOf("2026-11-23T15:59:59Z", 480) == "2026-11-23");
  CHECK(localDayOf("2026-12-31T23:00:00Z", 480) == "2027-01-01");
  CHECK(localDayOf("2026-11-23 16:33:04", 480).empty());
  CHECK(localDayOf("2026-11-23T1a:33:04Z", 480).empty());
  CHECK(localDayOf("2026-02-30T10:00:00Z", 480).empty());
}

TEST_CASE("months are one number for arithmetic and YYYY-MM on the wire") {
  CHECK(isoMonth(2026 * 12 + 10) == "2026-11");
  CHECK(isoMonth(2026 * 12 + 10 - 35) == "2023-12");   // 36 months, this one included
  CHECK(parseIsoMonth("2026-11") == 2026 * 12 + 10);
  CHECK(parseIsoMonth("0999-01") == 999 * 12);
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "2026/11", "26-11", "2026-1a", "", "2026-110"})
    CHECK_FALSE(parseIsoMonth(bad).has_value());
}
