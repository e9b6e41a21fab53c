#pragma once
// Who may open what: the console's areas by role, and the navigation each role sees.
#include <string>
#include <vector>

#include "web/html.hpp"
#include "web/staff_accounts.hpp"
#include "web/texts.hpp"

namespace onestop::central::web {

enum class Area {
  Any,      ///< every logged-in role (log out)
  Review,   ///< the queue, filings, approve / reject: reviewers and supervisors
  Fleet,    ///< everyone
  Quality,  ///< everyone
  Audit,    ///< supervisors and auditors
};

bool mayUse(Role role, Area area);
std::vector<NavItem> navigationFor(Role role, const Texts& t);
/// Where a role lands after logging in.
std::string homeFor(Role role);

}  // namespace onestop::central::web
