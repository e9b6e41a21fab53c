#pragma once
// Acceptance numbers (受理编号): 16 digits — the local acceptance date (YYYYMMDD), seven random
// digits, and a Luhn check digit, so a mistyped number is caught before any lookup. Digits
// only, because citizens type them on a keypad; random, so server instances need no shared
// counter (a collision is retried on the unique key).
#include <chrono>
#include <string>
#include <string_view>

#include "core/code_payload.hpp"

namespace onestop::central::api {

std::string newAcceptanceNumber(std::chrono::year_month_day acceptedOn);
// The format is shared with the kiosk, which reads it from receipts' QR codes.
using core::isWellFormedAcceptanceNumber;
using core::luhnCheckDigit;

}  // namespace onestop::central::api
