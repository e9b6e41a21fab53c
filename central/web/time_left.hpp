#pragma once
// How much of a filing's promised time limit is left, in working days (Monday–Friday, as
// the due date was computed), for the queue's highlighting.
#include <chrono>
#include <string>

#include "web/texts.hpp"

namespace onestop::central::web {

struct TimeLeft {
  enum class Kind { Overdue, DueToday, Soon, Plenty };
  Kind kind = Kind::Plenty;
  int workingDays = 0;  ///< left (Soon, Plenty) or past the due date (Overdue, at least 1)
};

TimeLeft timeLeft(std::chrono::year_month_day today, std::chrono::year_month_day due);

/// A badge that says it in words (colour is never the only signal).
std::string timeLeftBadge(const Texts& t, const TimeLeft& left);
/// "overdue", "soon" or "" (the queue row's class).
std::string_view timeLeftRowClass(const TimeLeft& left);

}  // namespace onestop::central::web
