#pragma once
// Runs a citizen's write request under Idempotency-Key semantics (idempotency.hpp): the key
// is looked up first, then the session is checked, the key claimed, and the work, its
// stored response and the commit happen in one transaction.
#include <functional>
#include <string>

#include "api/sessions.hpp"

namespace onestop::central::api {

/// The work, run inside the transaction; it must not commit. Its response is stored for
/// replays (also a 4xx it decides on, so a retry gets the same answer).
using IdempotentWork = std::function<store::DbResult<ApiResponse>(store::Connection&, const CitizenSession&)>;

/// `key` must be well formed (isWellFormedIdempotencyKey). The request hash covers the
/// method, path and body, so the same key for anything else is refused (422).
ApiResponse runIdempotent(ApiEnv& env, store::Connection& c, const ApiRequest& request, const std::string& key,
                          std::int64_t now, const IdempotentWork& work);

}  // namespace onestop::central::api
