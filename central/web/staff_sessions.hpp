#pragma once
// Console sessions: a random token in an HttpOnly, Secure, SameSite=Strict cookie, stored
// only as its SHA-256; a CSRF token per session that every form carries; an idle limit and
// an absolute limit. Logging out (or an expired session) deletes the row.
#include <cstdint>
#include <string>

#include "store/database.hpp"
#include "web/staff_accounts.hpp"
#include "web/web_env.hpp"

namespace onestop::central::web {

/// The cookie's name: the __Host- prefix makes browsers insist on Secure, Path=/ and no
/// Domain, so no other host can set or overwrite it.
inline constexpr const char* kSessionCookie = "__Host-onestop_staff";

struct StaffSession {
  std::string tokenHash;
  std::string login;
  std::string displayName;
  Role role = Role::Reviewer;
  std::string csrfToken;
};

enum class SessionState { None, Expired, Valid };

struct SessionLookup {
  SessionState state = SessionState::None;
  StaffSession session;  ///< set when Valid
};

struct OpenedSession {
  std::string token;  ///< for the cookie; the only time it exists in clear
  StaffSession session;
};

/// Opens a session for `account`; sessions past their limits (browsers closed without
/// logging out) are deleted on the way.
store::DbResult<OpenedSession> openStaffSession(store::Connection& c, const StaffAccount& account, std::int64_t now,
                                                const ConsoleOptions& options);

/// The session behind a cookie value. Expired: past the idle or absolute limit, or the
/// account has been disabled since (the row is deleted).
store::DbResult<SessionLookup> resolveStaffSession(store::Connection& c, const std::string& token, std::int64_t now,
                                                   const ConsoleOptions& options);

store::DbResult<store::Done> closeStaffSession(store::Connection& c, const std::string& tokenHash);

/// Set-Cookie values that set and clear the session cookie.
std::string sessionCookie(const std::string& token);
std::string clearedSessionCookie();

}  // namespace onestop::central::web
