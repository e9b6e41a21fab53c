#include "web/staff_sessions.hpp"

#include "api/secrets.hpp"

namespace onestop::central::web {
namespace {

// last_seen is written at most this often, so browsing does not write on every page.
constexpr std::int64_t kTouchEverySeconds = 60;

}  // namespace

store::DbResult<OpenedSession> openStaffSession(store::Connection& c, const StaffAccount& account, std::int64_t now,
                                                const ConsoleOptions& options) {
  auto stale = c.execute("DELETE FROM staff_sessions WHERE last_seen <= ? OR created_at <= ?",
                         {now - options.sessionIdleSeconds, now - options.sessionMaxSeconds});
  if (!stale) return stale.error();
  OpenedSession opened;
  opened.token = api::randomToken();
  opened.session = {api::sha256Hex(opened.token), account.login, account.displayName, account.role,
                    api::randomToken()};
  auto r = c.execute(
      "INSERT INTO staff_sessions (token_hash, login, csrf_token, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
      {opened.session.tokenHash, account.login, opened.session.csrfToken, now, now});
  if (!r) return r.error();
  return opened;
}

store::DbResult<SessionLookup> resolveStaffSession(store::Connection& c, const std::string& token, std::int64_t now,
                                                   const ConsoleOptions& options) {
  if (token.empty() || token.size() > 64) return SessionLookup{};
  const auto hash = api::sha256Hex(token);
  auto rows = c.query(
      "SELECT s.login, s.csrf_token, s.created_at, s.last_seen, a.display_name, a.role, a.disabled "
      "FROM staff_sessions s JOIN staff_accounts a ON a.login = s.login WHERE s.token_hash = ?",
      {hash});
  if (!rows) return rows.error();
  if (rows->empty()) return SessionLookup{};
  const auto& r = rows.value()[0];
  const auto role = roleFromName(r.text(5));
  const bool expired = now - r.integer(3) >= options.sessionIdleSeconds ||
                       now - r.integer(2) >= options.sessionMaxSeconds || r.integer(6) != 0 || !role;
  if (expired) {
    auto gone = closeStaffSession(c, hash);
    if (!gone) return gone.error();
    return SessionLookup{SessionState::Expired, {}};
  }
  if (now - r.integer(3) >= kTouchEverySeconds) {
    auto touched = c.execute("UPDATE staff_sessions SET last_seen = ? WHERE token_hash = ?", {now, hash});
    if (!touched) return touched.error();
  }
  return SessionLookup{SessionState::Valid, {hash, r.text(0), r.text(4), *role, r.text(1)}};
}

store::DbResult<store::Done> closeStaffSession(store::Connection& c, const std::string& tokenHash) {
  auto r = c.execute("DELETE FROM staff_sessions WHERE token_hash = ?", {tokenHash});
  if (!r) return r.error();
  return store::Done{};
}

std::string sessionCookie(const std::string& token) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

std::string clearedSessionCookie() {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict";
}

}  // namespace onestop::central::web
