#include "api/acceptance_number.hpp"

#include <algorithm>

#include "api/clock.hpp"
#include "api/secrets.hpp"

namespace onestop::central::api {

char luhnDigit(std::string_view digits) {
  int sum = 0;
  bool twice = true;   // the check digit will be appended on the right
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string newAcceptanceNumber(std::chrono::year_month_day acceptedOn) {
  auto day = isoDay(acceptedOn);
  day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
  auto body = day + randomDigits(7);
  return body + luhnDigit(body);
}

bool isWellFormedAcceptanceNumber(std::string_view text) {
  if (text.size() != 16 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  return luhnDigit(text.substr(0, 15)) == text[15];
}

}  // namespace onestop::central::api
