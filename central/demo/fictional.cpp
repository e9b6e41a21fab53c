#include "demo/fictional.hpp"

#include <cstdio>

#include "core/id_number.hpp"

namespace onestop::central::demo {

std::uint64_t stableHash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

char luhnCheckDigit(std::string_view digits) {
  int sum = 0;
  bool twice = true;  // the digit left of the check digit is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string fictionalBankAccount(std::uint64_t n) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "62220000%010llu", static_cast<unsigned long long>(n % 10000000000ULL));
  std::string account = digits;
  account += luhnCheckDigit(account);
  return account;
}

std::string withIdCheckCharacter(std::string_view first17) {
  std::string id(first17);
  id += core::idCheckCharacter(first17);
  return id;
}

}  // namespace onestop::central::demo
