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
