#include "web/login_lockout.hpp"

namespace onestop::central::web {

store::DbResult<LockState> lockStateOf(store::Connection& c, const std::string& login, std::int64_t now) {
  auto rows = c.query("SELECT locked_until FROM staff_login_failures WHERE login = ?", {login});
  if (!rows) return rows.error();
  if (rows->empty()) return LockState{};
  const auto until = rows.value()[0].integer(0);
  return until > now ? LockState{true, until} : LockState{};
}

store::DbResult<LockState> recordFailedLogin(store::Connection& c, const std::string& login, std::int64_t now,
                                             int maxFailures, int lockoutSeconds) {
  // Names typed once and never again would pile up: forget quiet, unlocked ones after a day.
  auto pruned = c.execute("DELETE FROM staff_login_failures WHERE last_failure < ? AND locked_until < ?",
                          {now - 86400, now});
  if (!pruned) return pruned.error();
  auto counted = c.query(
      "INSERT INTO staff_login_failures (login, failures, locked_until, last_failure) VALUES (?, 1, 0, ?) "
      "ON CONFLICT (login) DO UPDATE SET failures = staff_login_failures.failures + 1, "
      "last_failure = excluded.last_failure RETURNING failures",
      {login, now});
  if (!counted) return counted.error();
  const auto failures = counted->empty() ? 1 : counted.value()[0].integer(0);
  if (failures < maxFailures) return LockState{};
  const std::int64_t until = now + lockoutSeconds;
  auto locked = c.execute("UPDATE staff_login_failures SET failures = 0, locked_until = ? WHERE login = ?",
                          {until, login});
  if (!locked) return locked.error();
  return LockState{true, until};
}

store::DbResult<store::Done> clearFailedLogins(store::Connection& c, const std::string& login) {
  auto r = c.execute("DELETE FROM staff_login_failures WHERE login = ?", {login});
  if (!r) return r.error();
  return store::Done{};
}

}  // namespace onestop::central::web
