#pragma once
// What every page needs: the database, the seal keys, the clock and the console's limits.
#include <cstdint>
#include <functional>

#include "store/database.hpp"

namespace onestop::central::seal {
class KeyRing;
}

namespace onestop::central::web {

/// Limits, with the defaults a hall office uses.
struct ConsoleOptions {
  int sessionIdleSeconds = 30 * 60;         ///< a staff session ends after this long unused …
  int sessionMaxSeconds = 12 * 60 * 60;     ///< … and this long after log-in in any case
  int maxFailedLogins = 5;                  ///< consecutive failures that lock an account name
  int lockoutSeconds = 15 * 60;
  int loginsPerMinutePerAddress = 30;       ///< log-in attempts from one address
  int verificationsPerMinutePerAddress = 20;  ///< public checks from one address …
  int verificationsPerMinute = 600;         ///< … and from everyone together
  int staleKioskSeconds = 5 * 60;           ///< a kiosk silent this long is flagged stale
  int utcOffsetMinutes = 8 * 60;            ///< the agency's calendar (Asia/Shanghai)
};

struct WebEnv {
  store::Database& db;
  seal::KeyRing& keys;
  ConsoleOptions options;
  std::function<std::int64_t()> now;  ///< epoch seconds; tests move it
};

}  // namespace onestop::central::web
