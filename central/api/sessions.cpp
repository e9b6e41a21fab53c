#include "api/sessions.hpp"

#include "api/secrets.hpp"

namespace onestop::central::api {

std::variant<CitizenSession, Problem> resolveSession(store::Connection& c, const ApiRequest& request,
                                                     std::int64_t now) {
  if (auto p = requireKiosk(request)) return *p;
  const auto auth = request.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!auth || auth->size() <= kBearer.size() || auth->compare(0, kBearer.size(), kBearer) != 0 ||
      auth->size() > 200)
    return problems::sessionRequired();
  const auto hash = sha256Hex(std::string_view(*auth).substr(kBearer.size()));
  auto rows = c.query("SELECT citizen_id, kiosk_id, expires_at FROM sessions WHERE token_hash = ?", {hash});
  if (!rows) return problems::storageUnavailable();
  if (rows->empty()) return problems::sessionInvalid();
  CitizenSession s{hash, rows.value()[0].text(0), rows.value()[0].text(1), rows.value()[0].integer(2)};
  if (s.kioskId != request.caller.id) return problems::sessionInvalid();
  if (s.expiresAt <= now) return problems::sessionExpired();
  return s;
}

store::DbResult<std::string> openSession(store::Connection& c, const std::string& citizenId,
                                         const std::string& kioskId, const std::string& method, std::int64_t now,
                                         int ttlSeconds) {
  auto token = randomToken();
  auto r = c.execute(
      "INSERT INTO sessions (token_hash, citizen_id, kiosk_id, method, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      {sha256Hex(token), citizenId, kioskId, method, now, now + ttlSeconds});
  if (!r) return r.error();
  return token;
}

}  // namespace onestop::central::api
