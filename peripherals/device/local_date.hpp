#pragma once
// Today's civil date in the kiosk's local time zone (card validity is printed in it).
#include <chrono>

namespace onestop::peripherals {

std::chrono::year_month_day localToday();

}  // namespace onestop::peripherals
