#pragma once
// Dates and times as the pages show them, in the agency's calendar and the page's language
// (patterns are catalog entries: format.date, format.date_time).
#include <chrono>
#include <cstdint>
#include <string>

#include "web/texts.hpp"

namespace onestop::central::web {

std::string formatDay(const Texts& t, std::chrono::year_month_day day);
std::string formatDate(const Texts& t, std::int64_t epochSeconds, int utcOffsetMinutes);
std::string formatDateTime(const Texts& t, std::int64_t epochSeconds, int utcOffsetMinutes);
/// Fen as yuan with two decimals and thousands separators: 420000 → "4,200.00".
std::string formatYuan(std::int64_t fen);

}  // namespace onestop::central::web
