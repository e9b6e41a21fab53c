#pragma once
// Calendar months as one integer (year * 12 + month - 1), so that "eight months before"
// is a subtraction. Text form 'YYYY-MM' as in the schema.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace onestop::central::demo {

using MonthIndex = int;

inline MonthIndex monthIndex(int year, int month) { return year * 12 + month - 1; }
inline MonthIndex monthIndex(std::chrono::year_month_day d) {
  return monthIndex(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())));
}
inline int yearOf(MonthIndex m) { return m / 12; }
inline int monthOf(MonthIndex m) { return m % 12 + 1; }

/// 'YYYY-MM'.
std::string formatMonth(MonthIndex m);
/// 'YYYY-MM-DD' for day `day` of month `m`.
std::string formatDay(MonthIndex m, int day);
/// Parses 'YYYY-MM'; nullopt when malformed.
std::optional<MonthIndex> parseMonth(std::string_view text);
/// Epoch seconds of 00:00 UTC on the first day of month `m`.
long long monthStartEpochSeconds(MonthIndex m);

}  // namespace onestop::central::demo
