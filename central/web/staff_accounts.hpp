#pragma once
// Staff accounts of the console: a login name, a display name, a role and an Argon2id
// password hash. Accounts are made by `onestop-central staff-add` (or the demo set-up).
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/database.hpp"

namespace onestop::central::web {

/// reviewer: reviews filings. supervisor: reviews filings, reads the audit log.
/// auditor: reads the audit log and the quality figures, changes nothing.
enum class Role { Reviewer, Supervisor, Auditor };

std::string_view roleName(Role role);  ///< "reviewer", "supervisor", "auditor"
std::optional<Role> roleFromName(std::string_view name);

/// 3–32 characters of [a-z0-9._-], starting with a letter.
bool isValidLogin(std::string_view login);

struct StaffAccount {
  std::string login;
  std::string displayName;
  Role role = Role::Reviewer;
  bool disabled = false;
  std::string passwordHash;
};

struct NewStaffAccount {
  std::string login;
  std::string displayName;  ///< 1–40 characters, shown in the console and in filing histories
  Role role = Role::Reviewer;
  std::string password;
};

/// Checks the fields, hashes the password and inserts the account. The error names the
/// field at fault, or says the login is taken.
core::Result<StaffAccount> createStaffAccount(store::Connection& c, const NewStaffAccount& account, std::int64_t now);

store::DbResult<std::optional<StaffAccount>> findStaffAccount(store::Connection& c, const std::string& login);

/// The display name of the account `login`, or "" when there is none (filing histories).
store::DbResult<std::string> displayNameOf(store::Connection& c, const std::string& login);

}  // namespace onestop::central::web
