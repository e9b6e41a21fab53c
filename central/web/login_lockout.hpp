#pragma once
// Lockout after repeated failed log-ins. Failures are counted per login name typed, whether
// or not an account has that name, so a locked name says nothing about which accounts exist.
// While a name is locked, log-ins with it are refused without looking at the password.
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace onestop::central::web {

struct LockState {
  bool locked = false;
  std::int64_t lockedUntil = 0;  ///< epoch seconds, when locked
};

store::DbResult<LockState> lockStateOf(store::Connection& c, const std::string& login, std::int64_t now);

/// Counts a failure; the `maxFailures`-th consecutive one locks the name for `lockoutSeconds`.
store::DbResult<LockState> recordFailedLogin(store::Connection& c, const std::string& login, std::int64_t now,
                                             int maxFailures, int lockoutSeconds);

/// A successful log-in starts the count again.
store::DbResult<store::Done> clearFailedLogins(store::Connection& c, const std::string& login);

}  // namespace onestop::central::web
