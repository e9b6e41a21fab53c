#pragma once
// Staff passwords: Argon2id via libsodium's crypto_pwhash_str (the stored string carries
// its own salt and parameters, so stronger limits later still verify old hashes).
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace onestop::central::web {

inline constexpr std::size_t kMinPasswordBytes = 10;
inline constexpr std::size_t kMaxPasswordBytes = 128;

/// Why `password` may not be used for an account, or nullopt.
std::optional<std::string> passwordProblem(std::string_view password);

/// The Argon2id hash string to store (interactive limits: 2 passes, 64 MiB).
core::Result<std::string> hashPassword(std::string_view password);

/// True when `password` matches `storedHash`. Constant-time in the password's content.
bool verifyPassword(const std::string& storedHash, std::string_view password);

/// Costs what verifyPassword costs, against a fixed hash: an unknown account name takes as
/// long to refuse as a wrong password, so timing does not tell which names exist.
void spendVerificationTime(std::string_view password);

}  // namespace onestop::central::web
