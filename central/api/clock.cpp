#include "api/clock.hpp"

#include <cstdio>

namespace onestop::central::api {

using namespace std::chrono;

std::string rfc3339(std::int64_t epochSeconds) {
  const sys_seconds t{seconds{epochSeconds}};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

year_month_day localDay(std::int64_t epochSeconds, int utcOffsetMinutes) {
  const sys_seconds t{seconds{epochSeconds + std::int64_t{utcOffsetMinutes} * 60}};
  return year_month_day{floor<days>(t)};
}

std::string isoDay(year_month_day day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return buf;
}

std::string isoMonth(year_month_day day) { return isoDay(day).substr(0, 7); }

std::optional<year_month_day> parseIsoDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = static_cast<unsigned>((text[5] - '0') * 10 + (text[6] - '0'));
  d = static_cast<unsigned>((text[8] - '0') * 10 + (text[9] - '0'));
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<std::int64_t> parseRfc3339(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return std::nullopt;
  const auto day = parseIsoDay(text.substr(0, 10));
  if (!day) return std::nullopt;
  int field[3] = {};
  for (int i = 0; i < 3; ++i) {
    const char a = text[11 + 3 * i], b = text[12 + 3 * i];
    if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
    field[i] = (a - '0') * 10 + (b - '0');
  }
  if (field[0] > 23 || field[1] > 59 || field[2] > 59) return std::nullopt;
  return sys_days{*day}.time_since_epoch().count() * std::int64_t{86400} + field[0] * 3600 + field[1] * 60 + field[2];
}

year_month_day addWorkingDays(year_month_day from, int n) {
  sys_days d{from};
  while (n > 0) {
    d += days{1};
    const weekday wd{d};
    if (wd != Saturday && wd != Sunday) --n;
  }
  return year_month_day{d};
}

}  // namespace onestop::central::api
