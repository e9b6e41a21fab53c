#include "web/staff_gate.hpp"

#include "api/audit_trail.hpp"
#include "api/secrets.hpp"

namespace onestop::central::web {
namespace {

// "https://host:port" → "host:port"; "" when it is not an https origin.
std::string hostOf(const std::string& origin) {
  const std::string scheme = "https://";
  if (origin.rfind(scheme, 0) != 0) return "";
  const auto rest = origin.substr(scheme.size());
  return rest.substr(0, rest.find('/'));
}

WebResponse forbiddenForm(PageContext& page) {
  return messagePage(page, 403, "error.forged_form.title", "error.forged_form.text");
}

}  // namespace

store::DbResult<SessionLookup> sessionOf(const PageContext& page, store::Connection& c) {
  const auto token = page.request.cookie(kSessionCookie);
  if (!token) return SessionLookup{};
  return resolveStaffSession(c, *token, page.env.now(), page.env.options);
}

bool fromThisSite(const WebRequest& request) {
  const auto host = request.header("host").value_or("");
  if (auto origin = request.header("origin")) return !host.empty() && hostOf(*origin) == host;
  if (auto referer = request.header("referer")) return !host.empty() && hostOf(*referer) == host;
  return true;  // neither sent (privacy settings): the CSRF token decides
}

WebResponse asStaff(PageContext& page, Area area, const StaffHandler& handler) {
  auto lease = page.env.db.acquire();
  if (!lease) return storageTrouble(page, lease.error(), "staff session");
  auto& c = *lease.value();
  auto lookup = sessionOf(page, c);
  if (!lookup) return storageTrouble(page, lookup.error(), "staff session");
  if (lookup->state != SessionState::Valid) {
    auto r = redirectTo(lookup->state == SessionState::Expired ? "/login?expired=1" : "/login");
    if (lookup->state == SessionState::Expired) r.addHeader("Set-Cookie", clearedSessionCookie());
    return r;
  }
  const StaffSession& staff = lookup->session;
  page.staff = &staff;
  page.frame.nav = navigationFor(staff.role, page.t);
  page.frame.staff = StaffBar{staff.displayName, page.t.of("role", roleName(staff.role)), staff.csrfToken};
  if (!mayUse(staff.role, area)) return messagePage(page, 403, "error.forbidden.title", "error.forbidden.text");
  if (page.request.method == "POST") {
    if (page.request.formMalformed) return messagePage(page, 400, "error.bad_form.title", "error.bad_form.text");
    const auto sent = page.request.formValue("csrf");
    if (!fromThisSite(page.request) || sent.size() != staff.csrfToken.size() ||
        !api::equalSecrets(sent, staff.csrfToken))
      return forbiddenForm(page);
  }
  return handler(page, c);
}

store::DbResult<store::Done> auditStaff(store::Connection& c, std::int64_t now, const StaffSession& staff,
                                        std::string action, std::string subject, std::string detail) {
  return api::appendAudit(
      c, now, api::AuditRecord{"staff", api::auditableId(staff.login), std::move(action), std::move(subject),
                               std::move(detail)});
}

store::DbResult<store::Done> inAuditedTransaction(store::Connection& c,
                                                  const std::function<store::DbResult<store::Done>()>& work) {
  store::Transaction tx(c);
  if (!tx.started()) return tx.started().error();
  auto done = work();
  if (!done) return done.error();
  return tx.commit();
}

}  // namespace onestop::central::web
