#pragma once
// Full-jitter exponential backoff: a random wait between 0 and min(cap, base·2^attempt),
// so a hall of kiosks coming back online does not hammer the server in step.
#include <cstdint>

namespace onestop::sync {

struct Backoff {
  double baseSeconds = 1.0;
  double capSeconds = 300.0;
  /// Seconds to wait before attempt number `attempt` + 1 (attempt counts from 0);
  /// `unit` is a uniform random number in [0, 1).
  double delay(int attempt, double unit) const;
};

/// A uniform random number in [0, 1) from libsodium.
double randomUnit();

}  // namespace onestop::sync
