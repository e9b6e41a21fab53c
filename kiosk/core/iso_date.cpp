#include "core/iso_date.hpp"

#include <cstdio>

namespace onestop::core {

std::string isoDate(std::chrono::year_month_day day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return buf;
}

std::string isoMonth(int monthIndex) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", monthIndex / 12, monthIndex % 12 + 1);
  return buf;
}

std::optional<int> parseIsoMonth(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  int year = 0, month = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    (i < 4 ? year : month) = (i < 4 ? year : month) * 10 + (s[i] - '0');
  }
  if (month < 1 || month > 12) return std::nullopt;
  return year * 12 + month - 1;
}

std::optional<std::chrono::year_month_day> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t len) -> int {
    int v = 0;
    for (char c : text.substr(at, len)) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::chrono::year_month_day localDay(std::chrono::sys_seconds t, int utcOffsetMinutes) {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t + std::chrono::minutes(utcOffsetMinutes))};
}

std::string localDayOf(std::string_view ts, int utcOffsetMinutes) {
  if (ts.size() != 20 || ts[10] != 'T' || ts[13] != ':' || ts[16] != ':' || ts[19] != 'Z') return {};
  const auto day = parseIsoDate(ts.substr(0, 10));
  if (!day) return {};
  int hms[3] = {};
  for (int i = 0; i < 3; ++i) {
    const char a = ts[11 + 3 * i], b = ts[12 + 3 * i];
    if (a < '0' || a > '9' || b < '0' || b > '9') return {};
    hms[i] = (a - '0') * 10 + (b - '0');
  }
  const auto t = std::chrono::sys_days{*day} + std::chrono::hours(hms[0]) + std::chrono::minutes(hms[1]) +
                 std::chrono::seconds(hms[2]);
  return isoDate(localDay(t, utcOffsetMinutes));
}

}  // namespace onestop::core
