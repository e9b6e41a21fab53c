#include "api/acceptance_number.hpp"

#include <algorithm>

#include "api/clock.hpp"
#include "api/secrets.hpp"

namespace onestop::central::api {

std::string newAcceptanceNumber(std::chrono::year_month_day acceptedOn) {
  auto day = isoDay(acceptedOn);
  day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
  auto body = day + randomDigits(7);
  return body + luhnCheckDigit(body);
}

}  // namespace onestop::central::api
