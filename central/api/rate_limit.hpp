#pragma once
// Fixed-window rate limits kept in the database, so every server instance counts alike.
#include <string>

#include "store/database.hpp"

namespace onestop::central::api {

struct RateDecision {
  bool allowed = true;
  int retryAfterSeconds = 0;
};

/// Counts one hit for `bucket` in the current minute.
store::DbResult<RateDecision> hitRateLimit(store::Connection& c, const std::string& bucket, std::int64_t now,
                                           int perMinute);

}  // namespace onestop::central::api
