#include "demo/months.hpp"

#include <cstdio>

namespace onestop::central::demo {

std::string formatMonth(MonthIndex m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yearOf(m), monthOf(m));
  return buf;
}

std::string formatDay(MonthIndex m, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", yearOf(m), monthOf(m), day);
  return buf;
}

std::optional<MonthIndex> parseMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0;
  int month = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    if (i == 4) continue;
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    (i < 4 ? year : month) = (i < 4 ? year : month) * 10 + (c - '0');
  }
  if (month < 1 || month > 12) return std::nullopt;
  return monthIndex(year, month);
}

long long monthStartEpochSeconds(MonthIndex m) {
  using namespace std::chrono;
  const year_month_day first{year{yearOf(m)}, month{static_cast<unsigned>(monthOf(m))}, day{1}};
  return sys_seconds{sys_days{first}}.time_since_epoch().count();
}

}  // namespace onestop::central::demo
