#pragma once
// Citizen sessions: a bearer token handed to the kiosk after identification, stored only
// as its hash, bound to that kiosk (a token copied to another kiosk is useless) and short-lived.
#include <string>
#include <variant>

#include "api/env.hpp"

namespace onestop::central::api {

struct CitizenSession {
  std::string tokenHash;
  std::string citizenId;
  std::string kioskId;
  std::int64_t expiresAt = 0;
};

/// From `Authorization: Bearer <token>`; requires the kiosk that opened the session.
std::variant<CitizenSession, Problem> resolveSession(store::Connection& c, const ApiRequest& request,
                                                     std::int64_t now);

/// Creates a session and returns the token (the only time it exists in clear).
store::DbResult<std::string> openSession(store::Connection& c, const std::string& citizenId,
                                         const std::string& kioskId, const std::string& method, std::int64_t now,
                                         int ttlSeconds);

/// Runs `f(connection)` on a leased connection, or answers 503 when none can be had.
template <class F>
ApiResponse withConnection(ApiEnv& env, std::string_view during, F&& f) {
  auto lease = env.db.acquire();
  if (!lease) return storageFailure(lease.error(), during);
  return f(*lease.value());
}

}  // namespace onestop::central::api
