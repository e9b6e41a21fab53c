#pragma once
// The console's demo data: staff accounts for every role and a few filings of demo citizens
// waiting for review (one of them two-level and half done), so a reviewer can clear the demo
// queue end to end. Demo only: `onestop-central --demo` and the tests call it; the
// passwords are printed and documented.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"
#include "web/staff_accounts.hpp"

namespace onestop::central::web {

inline constexpr const char* kDemoStaffPassword = "onestop-demo";

struct DemoStaffAccount {
  std::string login;
  std::string displayName;
  Role role;
};

const std::vector<DemoStaffAccount>& demoStaffAccounts();

struct DemoConsoleSummary {
  int accounts = 0;  ///< 0 when the demo accounts were there already (nothing was written)
  int filings = 0;
};

/// Writes the demo accounts and filings in one transaction, once per database.
core::Result<DemoConsoleSummary> seedDemoConsole(store::Connection& c, std::int64_t now, int utcOffsetMinutes);

}  // namespace onestop::central::web
