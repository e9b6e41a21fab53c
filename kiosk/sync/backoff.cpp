#include "sync/backoff.hpp"

#include <algorithm>
#include <cmath>

#include <sodium.h>

namespace onestop::sync {

double Backoff::delay(int attempt, double unit) const {
  const double ceiling = std::min(capSeconds, baseSeconds * std::pow(2.0, std::clamp(attempt, 0, 30)));
  return std::clamp(unit, 0.0, 1.0) * ceiling;
}

double randomUnit() { return static_cast<double>(randombytes_uniform(1000000)) / 1e6; }

}  // namespace onestop::sync
