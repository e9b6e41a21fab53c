#include "api/idempotent_request.hpp"

#include <spdlog/spdlog.h>

#include "api/idempotency.hpp"
#include "api/secrets.hpp"

namespace onestop::central::api {

ApiResponse runIdempotent(ApiEnv& env, store::Connection& c, const ApiRequest& request, const std::string& key,
                          std::int64_t now, const IdempotentWork& work) {
  using State = IdempotencyClaim::State;
  const auto& kiosk = request.caller.id;
  const auto requestHash = sha256Hex(request.method + " " + request.path + "\n" + request.body);
  const int stale = env.options.staleInFlightSeconds;

  // Known already? A replay needs no session: the kiosk's outbox may resend days later.
  auto found = findIdempotencyKey(c, kiosk, key, requestHash, now, stale);
  if (!found) return storageFailure(found.error(), "idempotency lookup");
  bool claimed = false;
  if (found.value()) {
    switch (found.value()->state) {
      case State::Reused: return toResponse(problems::idempotencyKeyReused());
      case State::InFlight: return toResponse(problems::idempotencyInFlight());
      case State::Replay: return found.value()->replay;
      case State::Claimed: claimed = true; break;   // taken over from a crashed attempt
    }
  }
  auto release = [&] {
    if (auto released = releaseIdempotencyKey(c, kiosk, key); !released)
      spdlog::error("idempotency: could not release a key after a failure: {}", released.error().message);
  };

  auto s = resolveSession(c, request, now);
  if (auto* p = std::get_if<Problem>(&s)) {
    if (claimed) release();   // nothing was done: a retry with a fresh session may proceed
    return toResponse(*p);
  }
  const auto& session = std::get<CitizenSession>(s);
  if (!claimed) {
    auto claim = claimIdempotencyKey(c, kiosk, key, requestHash, now, stale);
    if (!claim) return storageFailure(claim.error(), "idempotency claim");
    switch (claim->state) {
      case State::Reused: return toResponse(problems::idempotencyKeyReused());
      case State::InFlight: return toResponse(problems::idempotencyInFlight());
      case State::Replay: return claim->replay;
      case State::Claimed: break;
    }
  }

  auto attempt = [&]() -> store::DbResult<ApiResponse> {
    store::Transaction tx(c);
    if (!tx.started()) return tx.started().error();
    auto response = work(c, session);
    if (!response) return response.error();
    auto stored = completeIdempotencyKey(c, kiosk, key, response.value());
    if (!stored) return stored.error();
    auto committed = tx.commit();
    if (!committed) return committed.error();
    return response;
  }();
  if (!attempt) {
    release();
    return storageFailure(attempt.error(), "idempotent request");
  }
  return attempt.value();
}

}  // namespace onestop::central::api
