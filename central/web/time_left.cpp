#include "web/time_left.hpp"

#include <algorithm>

#include "web/html.hpp"

namespace onestop::central::web {
namespace {

using std::chrono::sys_days;

bool isWorkingDay(sys_days day) {
  const std::chrono::weekday w{day};
  return w != std::chrono::Saturday && w != std::chrono::Sunday;
}

// Working days in (from, to]; 0 when to <= from.
int workingDaysAfter(sys_days from, sys_days to) {
  int n = 0;
  for (auto d = from + std::chrono::days{1}; d <= to; d += std::chrono::days{1}) n += isWorkingDay(d) ? 1 : 0;
  return n;
}

}  // namespace

TimeLeft timeLeft(std::chrono::year_month_day today, std::chrono::year_month_day due) {
  const sys_days t{today}, d{due};
  if (d < t) return {TimeLeft::Kind::Overdue, std::max(1, workingDaysAfter(d, t))};
  if (d == t) return {TimeLeft::Kind::DueToday, 0};
  const int left = workingDaysAfter(t, d);
  return {left <= 1 ? TimeLeft::Kind::Soon : TimeLeft::Kind::Plenty, left};
}

std::string timeLeftBadge(const Texts& t, const TimeLeft& left) {
  switch (left.kind) {
    case TimeLeft::Kind::Overdue:
      return "<span class=\"badge bad\">" + escape(t("time.overdue", {std::to_string(left.workingDays)})) + "</span>";
    case TimeLeft::Kind::DueToday: return "<span class=\"badge warn\">" + escape(t("time.due_today")) + "</span>";
    case TimeLeft::Kind::Soon:
    case TimeLeft::Kind::Plenty:
      return std::string("<span class=\"badge ") + (left.kind == TimeLeft::Kind::Soon ? "warn" : "ok") + "\">" +
             escape(t("time.left", {std::to_string(left.workingDays)})) + "</span>";
  }
  return {};
}

std::string_view timeLeftRowClass(const TimeLeft& left) {
  switch (left.kind) {
    case TimeLeft::Kind::Overdue: return "overdue";
    case TimeLeft::Kind::DueToday:
    case TimeLeft::Kind::Soon: return "soon";
    case TimeLeft::Kind::Plenty: return "";
  }
  return "";
}

}  // namespace onestop::central::web
