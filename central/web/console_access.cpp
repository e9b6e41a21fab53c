#include "web/console_access.hpp"

namespace onestop::central::web {

bool mayUse(Role role, Area area) {
  switch (area) {
    case Area::Review: return role == Role::Reviewer || role == Role::Supervisor;
    case Area::Any:
    case Area::Fleet:
    case Area::Quality: return true;
    case Area::Audit: return role == Role::Supervisor || role == Role::Auditor;
  }
  return false;
}

std::vector<NavItem> navigationFor(Role role, const Texts& t) {
  std::vector<NavItem> nav;
  if (mayUse(role, Area::Review)) nav.push_back({"queue", "/queue", t("nav.queue")});
  if (mayUse(role, Area::Fleet)) nav.push_back({"fleet", "/fleet", t("nav.fleet")});
  if (mayUse(role, Area::Quality)) nav.push_back({"quality", "/quality", t("nav.quality")});
  if (mayUse(role, Area::Audit)) nav.push_back({"audit", "/audit", t("nav.audit")});
  return nav;
}

std::string homeFor(Role role) { return mayUse(role, Area::Review) ? "/queue" : "/audit"; }

}  // namespace onestop::central::web
