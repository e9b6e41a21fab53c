#pragma once
// What every staff page goes through before it runs: a valid session (else the log-in
// page), a role allowed in the page's area (else 403), and for a POST a well-formed form
// from this console carrying the session's CSRF token (else 403, nothing changed).
#include <functional>
#include <string>

#include "web/console_access.hpp"
#include "web/pages.hpp"

namespace onestop::central::web {

using StaffHandler = std::function<WebResponse(PageContext&, store::Connection&)>;

WebResponse asStaff(PageContext& page, Area area, const StaffHandler& handler);

/// The session cookie's session, if any (for the log-in page: already logged in?).
store::DbResult<SessionLookup> sessionOf(const PageContext& page, store::Connection& c);

/// False when the browser says the request comes from another site (Origin or Referer of
/// another host). Browsers send Origin on every POST, so a forged cross-site form fails here
/// as well as on its missing token.
bool fromThisSite(const WebRequest& request);

/// Appends the staff member's action to the audit log (inside the caller's transaction).
store::DbResult<store::Done> auditStaff(store::Connection& c, std::int64_t now, const StaffSession& staff,
                                        std::string action, std::string subject, std::string detail = {});

/// Runs `work` and appends its audit entry in one transaction; the page is shown only when
/// both committed (no personal data on screen without a trail).
store::DbResult<store::Done> inAuditedTransaction(store::Connection& c,
                                                  const std::function<store::DbResult<store::Done>()>& work);

}  // namespace onestop::central::web
