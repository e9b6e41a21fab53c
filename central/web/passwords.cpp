#include "web/passwords.hpp"

#include <sodium.h>

#include "seal/sodium_init.hpp"

namespace onestop::central::web {

std::optional<std::string> passwordProblem(std::string_view password) {
  if (password.size() < kMinPasswordBytes)
    return "a password needs at least " + std::to_string(kMinPasswordBytes) + " characters";
  if (password.size() > kMaxPasswordBytes)
    return "a password may have at most " + std::to_string(kMaxPasswordBytes) + " bytes";
  return std::nullopt;
}

core::Result<std::string> hashPassword(std::string_view password) {
  if (auto problem = passwordProblem(password)) return core::Error{*problem};
  seal::ensureSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return core::Error{"Argon2id hashing failed (out of memory?)"};
  return std::string(hash);
}

bool verifyPassword(const std::string& storedHash, std::string_view password) {
  if (password.size() > kMaxPasswordBytes || storedHash.empty() || storedHash.size() >= crypto_pwhash_STRBYTES)
    return false;
  seal::ensureSodium();
  return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

void spendVerificationTime(std::string_view password) {
  static const std::string dummy = hashPassword("not-a-password-of-anyone").value();
  (void)verifyPassword(dummy, password.substr(0, kMaxPasswordBytes));
}

}  // namespace onestop::central::web
