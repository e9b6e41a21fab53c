#include "web/formatting.hpp"

#include <cstdio>

#include "api/clock.hpp"

namespace onestop::central::web {
namespace {

std::string twoDigits(unsigned value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02u", value % 100);
  return buf;
}

}  // namespace

std::string formatDay(const Texts& t, std::chrono::year_month_day day) {
  const auto year = std::to_string(static_cast<int>(day.year()));
  return t("format.date", {year, twoDigits(static_cast<unsigned>(day.month())),
                           twoDigits(static_cast<unsigned>(day.day()))});
}

std::string formatDate(const Texts& t, std::int64_t epochSeconds, int utcOffsetMinutes) {
  return formatDay(t, api::localDay(epochSeconds, utcOffsetMinutes));
}

std::string formatDateTime(const Texts& t, std::int64_t epochSeconds, int utcOffsetMinutes) {
  const std::int64_t local = epochSeconds + std::int64_t{utcOffsetMinutes} * 60;
  const std::int64_t secondsOfDay = ((local % 86400) + 86400) % 86400;
  const auto hh = twoDigits(static_cast<unsigned>(secondsOfDay / 3600));
  const auto mm = twoDigits(static_cast<unsigned>(secondsOfDay / 60 % 60));
  return t("format.date_time", {formatDate(t, epochSeconds, utcOffsetMinutes), hh, mm});
}

std::string formatYuan(std::int64_t fen) {
  const bool negative = fen < 0;
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string whole = std::to_string(abs / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
  return (negative ? "-" : "") + whole + "." + twoDigits(static_cast<unsigned>(abs % 100));
}

}  // namespace onestop::central::web
