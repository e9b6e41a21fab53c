#pragma once
// What every handler needs: the database, the signing keys, the clock and the limits.
#include <cstdint>
#include <functional>
#include <string>

#include "api/api_types.hpp"
#include "api/problem.hpp"
#include "store/database.hpp"

namespace onestop::central::seal {
class KeyRing;
}

namespace onestop::central::api {

struct ApiOptions {
  int sessionTtlSeconds = 15 * 60;        ///< one citizen's visit, with margin
  int identifyPerMinute = 30;             ///< per kiosk; a kiosk serves one person at a time
  int certificateValidityDays = 90;       ///< how long a printed certificate verifies
  int staleInFlightSeconds = 60;          ///< an abandoned in-flight filing may be retried after this
  int utcOffsetMinutes = 8 * 60;          ///< the agency's calendar (Asia/Shanghai)
};

struct ApiEnv {
  store::Database& db;
  seal::KeyRing& keys;
  ApiOptions options;
  std::function<std::int64_t()> now;   ///< epoch seconds; tests move it
};

/// JSON response helpers.
ApiResponse jsonResponse(int status, const std::string& body);
/// A storage failure as the citizen-safe problem (503 when it may pass, 500 otherwise);
/// the precise error goes to the log.
ApiResponse storageFailure(const store::DbError& error, std::string_view during);

/// Requires a kiosk / staff certificate.
std::optional<Problem> requireKiosk(const ApiRequest& request);
std::optional<Problem> requireStaff(const ApiRequest& request);

}  // namespace onestop::central::api
