#pragma once
// The short numeric verification code printed beside the seal, for checking a certificate
// by phone or on the web: 11 random digits (the first never 0, so no tool drops it) and a
// Damm check digit, which catches every single-digit error and every transposition of
// adjacent digits before a lookup is made. Printed in groups of four: 4831 0297 5516.
//
// About 2^36 codes exist: lookups must be rate-limited, and a code only shows the masked
// data of the certificate it belongs to.
#include <optional>
#include <string>
#include <string_view>

namespace onestop::central::seal::verification_code {

inline constexpr std::size_t kDigits = 12;

/// A fresh random code (libsodium randombytes_uniform), 12 digits, no separators.
std::string generate();

/// True for exactly 12 ASCII digits whose Damm check comes out right.
bool isWellFormed(std::string_view code);

/// What a person typed, with spaces and hyphens removed, if it is well formed.
std::optional<std::string> normalize(std::string_view typed);

/// "4831 0297 5516". Precondition: isWellFormed(code).
std::string formatForPrint(std::string_view code);

/// The Damm check digit ('0'-'9') for a string of digits.
char checkDigit(std::string_view digits);

}  // namespace onestop::central::seal::verification_code
