#include "core/filing_flow.hpp"

#include <algorithm>

#include "core/secure_wipe.hpp"

namespace onestop::core {

FilingFlow::~FilingFlow() { wipe(); }

void FilingFlow::wipe() {
  secureWipe(value);
  value.clear();
}

bool isKioskFiling(std::string_view serviceId) { return serviceId == "change_phone"; }

bool isWellFormedPhone(std::string_view digits) {
  return digits.size() == kPhoneDigits && digits[0] == '1' &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace onestop::core
