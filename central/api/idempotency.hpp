#pragma once
// Idempotency-Key semantics for filings. Keys are remembered per (kiosk, key) for good —
// a kiosk may replay its outbox after days offline. Same key + same request → the first
// response again; same key + different request → 422; still being processed → 409.
#include <optional>
#include <string>

#include "api/api_types.hpp"
#include "store/database.hpp"

namespace onestop::central::api {

struct IdempotencyClaim {
  enum class State { Claimed, Replay, Reused, InFlight } state = State::Claimed;
  ApiResponse replay;   ///< for Replay
};

/// Well-formed keys: 8–64 characters of [A-Za-z0-9_-] (UUIDs fit).
bool isWellFormedIdempotencyKey(std::string_view key);

/// What is already recorded for this key, if anything: a replay, a reuse or in flight.
/// Looked up before the citizen's session, so an outbox replayed after days offline gets
/// its first answer back although the session it was made in has long expired.
store::DbResult<std::optional<IdempotencyClaim>> findIdempotencyKey(store::Connection& c, const std::string& kioskId,
                                                                    const std::string& key,
                                                                    const std::string& requestHash, std::int64_t now,
                                                                    int staleSeconds);

/// Claims the key for this request (outside any transaction: the claim must be visible to
/// concurrent requests at once). A claim left in flight longer than `staleSeconds` (a
/// crashed instance) may be taken over.
store::DbResult<IdempotencyClaim> claimIdempotencyKey(store::Connection& c, const std::string& kioskId,
                                                      const std::string& key, const std::string& requestHash,
                                                      std::int64_t now, int staleSeconds);
/// Stores the response, inside the transaction that did the work.
store::DbResult<store::Done> completeIdempotencyKey(store::Connection& c, const std::string& kioskId,
                                                    const std::string& key, const ApiResponse& response);
/// Gives the key back after a failure that the client may retry (5xx).
store::DbResult<store::Done> releaseIdempotencyKey(store::Connection& c, const std::string& kioskId,
                                                   const std::string& key);

}  // namespace onestop::central::api
