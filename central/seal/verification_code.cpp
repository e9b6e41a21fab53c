#include "seal/verification_code.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "seal/sodium_init.hpp"

namespace onestop::central::seal::verification_code {
namespace {

// A totally anti-symmetric quasigroup of order 10 (H. Michael Damm, 2004).
constexpr std::array<std::array<int, 10>, 10> kDamm{{
    {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
    {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
    {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
    {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
    {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
    {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
    {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
    {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
    {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
    {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
}};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int dammInterim(std::string_view digits) {
  int interim = 0;
  for (char c : digits) {
    interim = kDamm[static_cast<std::size_t>(interim)][static_cast<std::size_t>(c - '0')];
  }
  return interim;
}

}  // namespace

char checkDigit(std::string_view digits) { return static_cast<char>('0' + dammInterim(digits)); }

std::string generate() {
  ensureSodium();
  std::string code;
  code.push_back(static_cast<char>('1' + randombytes_uniform(9)));
  while (code.size() < kDigits - 1) {
    code.push_back(static_cast<char>('0' + randombytes_uniform(10)));
  }
  code.push_back(checkDigit(code));
  return code;
}

bool isWellFormed(std::string_view code) {
  return code.size() == kDigits && std::all_of(code.begin(), code.end(), isDigit) &&
         dammInterim(code) == 0;
}

std::optional<std::string> normalize(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (!isDigit(c) || code.size() == kDigits) return std::nullopt;
    code.push_back(c);
  }
  if (!isWellFormed(code)) return std::nullopt;
  return code;
}

std::string formatForPrint(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(code[i]);
  }
  return out;
}

}  // namespace onestop::central::seal::verification_code
