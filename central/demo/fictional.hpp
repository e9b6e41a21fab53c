#pragma once
// Small building blocks for obviously fictional personal data.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/code_payload.hpp"

namespace onestop::central::demo {

/// FNV-1a 64: a stable hash (std::hash may differ between library versions).
std::uint64_t stableHash(std::string_view text);

/// Luhn check digit over a string of digits.
using core::luhnCheckDigit;   // the card-number check digit (core/code_payload.hpp)

/// A 19-digit bank card number under the fictional prefix 62220000 with a valid Luhn
/// digit; `n` picks the 10 account digits.
std::string fictionalBankAccount(std::uint64_t n);

/// The 18-character ID number for 17 given digits (GB 11643 check character appended).
std::string withIdCheckCharacter(std::string_view first17);

}  // namespace onestop::central::demo
