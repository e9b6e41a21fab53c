#include "api/idempotency.hpp"

#include <algorithm>

namespace onestop::central::api {

bool isWellFormedIdempotencyKey(std::string_view key) {
  return key.size() >= 8 && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

store::DbResult<IdempotencyClaim> claimIdempotencyKey(store::Connection& c, const std::string& kioskId,
                                                      const std::string& key, const std::string& requestHash,
                                                      std::int64_t now, int staleSeconds) {
  using State = IdempotencyClaim::State;
  auto inserted = c.execute(
      "INSERT INTO idempotency_keys (kiosk_id, key, request_hash, state, created_at) VALUES (?, ?, ?, 'in_flight', ?)",
      {kioskId, key, requestHash, now});
  if (inserted) return IdempotencyClaim{State::Claimed, {}};
  if (inserted.error().kind != store::DbError::Kind::UniqueViolation) return inserted.error();

  auto found = findIdempotencyKey(c, kioskId, key, requestHash, now, staleSeconds);
  if (!found) return found.error();
  if (!found.value()) return store::DbError{store::DbError::Kind::Busy, "idempotency key vanished; retry"};
  return *found.value();
}

store::DbResult<std::optional<IdempotencyClaim>> findIdempotencyKey(store::Connection& c, const std::string& kioskId,
                                                                    const std::string& key,
                                                                    const std::string& requestHash, std::int64_t now,
                                                                    int staleSeconds) {
  using State = IdempotencyClaim::State;
  auto rows = c.query(
      "SELECT request_hash, state, status, response, created_at FROM idempotency_keys WHERE kiosk_id = ? AND key = ?",
      {kioskId, key});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<IdempotencyClaim>{};
  const auto& r = rows.value()[0];
  if (r.text(0) != requestHash) return std::optional<IdempotencyClaim>{IdempotencyClaim{State::Reused, {}}};
  if (r.text(1) == "done") {
    ApiResponse replay;
    replay.status = static_cast<int>(r.integer(2));
    replay.body = r.text(3);
    replay.contentType = replay.status >= 400 ? "application/problem+json" : "application/json";
    replay.headers["Idempotent-Replayed"] = "true";
    return std::optional<IdempotencyClaim>{IdempotencyClaim{State::Replay, std::move(replay)}};
  }
  if (r.integer(4) < now - staleSeconds) {
    auto taken = c.execute(
        "UPDATE idempotency_keys SET created_at = ? WHERE kiosk_id = ? AND key = ? AND state = 'in_flight' "
        "AND created_at = ?",
        {now, kioskId, key, r.integer(4)});
    if (!taken) return taken.error();
    if (taken.value() == 1) return std::optional<IdempotencyClaim>{IdempotencyClaim{State::Claimed, {}}};
  }
  return std::optional<IdempotencyClaim>{IdempotencyClaim{State::InFlight, {}}};
}

store::DbResult<store::Done> completeIdempotencyKey(store::Connection& c, const std::string& kioskId,
                                                    const std::string& key, const ApiResponse& response) {
  auto r = c.execute(
      "UPDATE idempotency_keys SET state = 'done', status = ?, response = ? WHERE kiosk_id = ? AND key = ?",
      {std::int64_t{response.status}, response.body, kioskId, key});
  if (!r) return r.error();
  return store::Done{};
}

store::DbResult<store::Done> releaseIdempotencyKey(store::Connection& c, const std::string& kioskId,
                                                   const std::string& key) {
  auto r = c.execute("DELETE FROM idempotency_keys WHERE kiosk_id = ? AND key = ? AND state = 'in_flight'",
                     {kioskId, key});
  if (!r) return r.error();
  return store::Done{};
}

}  // namespace onestop::central::api
