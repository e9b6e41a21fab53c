#pragma once
// Calendar days in the API's form, "2026-11-25": one formatter and one strict reader for the
// kiosk (API requests, screens, receipts), so a malformed day is refused in one place.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace onestop::core {

std::string isoDate(std::chrono::year_month_day day);
/// Exactly YYYY-MM-DD naming a real day; anything else is nothing.
std::optional<std::chrono::year_month_day> parseIsoDate(std::string_view text);
/// The local calendar day of an instant, `utcOffsetMinutes` east of UTC.
std::chrono::year_month_day localDay(std::chrono::sys_seconds t, int utcOffsetMinutes);
/// Calendar months as one number (year * 12 + month - 1), so "36 months before" is a
/// subtraction; "YYYY-MM" as the API writes them.
std::string isoMonth(int monthIndex);
/// Exactly YYYY-MM with a month 01–12; anything else is nothing.
std::optional<int> parseIsoMonth(std::string_view text);
/// The local day (YYYY-MM-DD) of an API timestamp "2026-11-23T16:33:04Z"; empty when malformed.
std::string localDayOf(std::string_view timestamp, int utcOffsetMinutes);

}  // namespace onestop::core
