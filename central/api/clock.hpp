#pragma once
// Times on the wire are RFC 3339 UTC; days (due dates, months of contributions) are the
// agency's local calendar, at a fixed UTC offset (China has no daylight saving).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onestop::central::api {

std::string rfc3339(std::int64_t epochSeconds);
std::chrono::year_month_day localDay(std::int64_t epochSeconds, int utcOffsetMinutes);
std::string isoDay(std::chrono::year_month_day day);          ///< "2026-11-23"
std::string isoMonth(std::chrono::year_month_day day);        ///< "2026-11"
std::optional<std::chrono::year_month_day> parseIsoDay(std::string_view text);
/// "2026-11-23T08:30:00Z" (UTC, whole seconds: what rfc3339() writes) → epoch seconds.
std::optional<std::int64_t> parseRfc3339(std::string_view text);
/// The day `n` working days (Monday–Friday) after `from`; public holidays are not modelled.
std::chrono::year_month_day addWorkingDays(std::chrono::year_month_day from, int n);

}  // namespace onestop::central::api
