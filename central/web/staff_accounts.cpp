#include "web/staff_accounts.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "web/passwords.hpp"

namespace onestop::central::web {

std::string_view roleName(Role role) {
  switch (role) {
    case Role::Reviewer: return "reviewer";
    case Role::Supervisor: return "supervisor";
    case Role::Auditor: return "auditor";
  }
  return "reviewer";
}

std::optional<Role> roleFromName(std::string_view name) {
  for (Role r : {Role::Reviewer, Role::Supervisor, Role::Auditor})
    if (roleName(r) == name) return r;
  return std::nullopt;
}

bool isValidLogin(std::string_view login) {
  if (login.size() < 3 || login.size() > 32 || login.front() < 'a' || login.front() > 'z') return false;
  return std::all_of(login.begin(), login.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

core::Result<StaffAccount> createStaffAccount(store::Connection& c, const NewStaffAccount& account, std::int64_t now) {
  if (!isValidLogin(account.login))
    return core::Error{"login must be 3-32 characters of a-z 0-9 . _ -, starting with a letter"};
  const auto nameLength = core::decodeUtf8(account.displayName).size();
  if (!core::isValidUtf8(account.displayName) || nameLength == 0 || nameLength > 40)
    return core::Error{"display name must be 1-40 characters"};
  auto hash = hashPassword(account.password);
  if (!hash) return core::Error{hash.error()};
  auto taken = c.query("SELECT 1 FROM staff_accounts WHERE login = ?", {account.login});
  if (!taken) return core::Error{"staff accounts: " + taken.error().message};
  if (!taken->empty()) return core::Error{"login '" + account.login + "' is taken"};
  auto inserted = c.execute(
      "INSERT INTO staff_accounts (login, display_name, role, password_hash, disabled, created_at) "
      "VALUES (?, ?, ?, ?, 0, ?)",
      {account.login, account.displayName, std::string(roleName(account.role)), hash.value(), now});
  if (!inserted) {
    if (inserted.error().kind == store::DbError::Kind::UniqueViolation)
      return core::Error{"login '" + account.login + "' is taken"};
    return core::Error{"staff accounts: " + inserted.error().message};
  }
  return StaffAccount{account.login, account.displayName, account.role, false, hash.value()};
}

store::DbResult<std::optional<StaffAccount>> findStaffAccount(store::Connection& c, const std::string& login) {
  auto rows = c.query("SELECT login, display_name, role, disabled, password_hash FROM staff_accounts WHERE login = ?",
                      {login});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<StaffAccount>{};
  const auto& r = rows.value()[0];
  const auto role = roleFromName(r.text(2));
  // An account with a role this version does not know can do nothing: treat it as disabled.
  return std::optional<StaffAccount>{
      StaffAccount{r.text(0), r.text(1), role.value_or(Role::Auditor), r.integer(3) != 0 || !role, r.text(4)}};
}

store::DbResult<std::string> displayNameOf(store::Connection& c, const std::string& login) {
  auto rows = c.query("SELECT display_name FROM staff_accounts WHERE login = ?", {login});
  if (!rows) return rows.error();
  return rows->empty() ? std::string() : rows.value()[0].text(0);
}

}  // namespace onestop::central::web
