// Log-in and log-out. The log-in form carries a CSRF token too (a random value in a
// __Host- cookie, echoed by the form), so no other site can log a browser in to an account
// of its choosing. Wrong passwords and unknown names get the same answer after the same
// time; repeated failures lock the name (login_lockout.hpp).
#include <algorithm>
#include <cctype>

#include "api/audit_trail.hpp"
#include "api/rate_limit.hpp"
#include "api/secrets.hpp"
#include "web/formatting.hpp"
#include "web/login_lockout.hpp"
#include "web/pages.hpp"
#include "web/passwords.hpp"
#include "web/staff_gate.hpp"

namespace onestop::central::web {
namespace {

constexpr const char* kLoginCookie = "__Host-onestop_login";

bool isToken(const std::string& value) {
  return value.size() == 43 && std::all_of(value.begin(), value.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

std::string loginCookie(const std::string& token) {
  return std::string(kLoginCookie) + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

WebResponse renderLogin(PageContext& page, int status, const std::string& message, const std::string& login) {
  const auto& t = page.t;
  auto token = page.request.cookie(kLoginCookie).value_or("");
  const bool fresh = !isToken(token);
  if (fresh) token = api::randomToken();
  page.frame.title = t("login.title");
  std::string body = message;
  body += "<form method=\"post\" action=\"/login\" class=\"panel\" id=\"login-form\">" + csrfField(token);
  body += "<label for=\"login\">" + escape(t("login.name")) + "</label>";
  body += "<input id=\"login\" name=\"login\" type=\"text\" autocomplete=\"username\" autocapitalize=\"none\" "
          "spellcheck=\"false\" maxlength=\"32\" required value=\"" + escape(login) + "\">";
  body += "<label for=\"password\">" + escape(t("login.password")) + "</label>";
  body += "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
          "maxlength=\"128\" required>";
  body += "<div><button type=\"submit\">" + escape(t("login.submit")) + "</button></div></form>";
  body += "<p class=\"hint\">" + escape(t("login.hint")) + "</p>";
  auto r = htmlResponse(status, renderPage(t, page.frame, body));
  if (fresh) r.addHeader("Set-Cookie", loginCookie(token));
  return r;
}

WebResponse refuseLogin(PageContext& page, const LockState& lock, const std::string& login) {
  if (lock.locked) {
    const auto until = formatDateTime(page.t, lock.lockedUntil, page.env.options.utcOffsetMinutes);
    return renderLogin(page, 403, notice("error", page.t("login.locked", {until})), login);
  }
  return renderLogin(page, 403, notice("error", page.t("login.wrong")), login);
}

std::string normalisedLogin(std::string typed) {
  typed.erase(0, typed.find_first_not_of(" \t"));
  typed.erase(typed.find_last_not_of(" \t") + 1);
  std::transform(typed.begin(), typed.end(), typed.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return typed;
}

// Failed attempts are audited as the address that made them; the name only when it is an
// account's (a typed name could be anything, even personal data).
store::DbResult<store::Done> auditFailure(store::Connection& c, PageContext& page, const std::string& action,
                                          const std::string& accountLogin) {
  return inAuditedTransaction(c, [&] {
    return api::appendAudit(c, page.env.now(),
                            api::AuditRecord{"public", api::auditableId(page.request.clientAddress), action,
                                             accountLogin.empty() ? "-" : accountLogin, ""});
  });
}

}  // namespace

WebResponse loginPage(PageContext& page) {
  auto lease = page.env.db.acquire();
  if (!lease) return storageTrouble(page, lease.error(), "log-in page");
  auto lookup = sessionOf(page, *lease.value());
  if (!lookup) return storageTrouble(page, lookup.error(), "log-in page");
  if (lookup->state == SessionState::Valid) return redirectTo(homeFor(lookup->session.role));
  std::string message;
  if (page.request.query.count("expired") || lookup->state == SessionState::Expired)
    message = notice("warn", page.t("login.expired"));
  else if (page.request.query.count("bye"))
    message = notice("ok", page.t("login.bye"));
  return renderLogin(page, 200, message, "");
}

WebResponse loginSubmit(PageContext& page) {
  const auto& request = page.request;
  if (request.formMalformed) return messagePage(page, 400, "error.bad_form.title", "error.bad_form.text");
  const auto cookieToken = request.cookie(kLoginCookie).value_or("");
  const auto sent = request.formValue("csrf");
  if (!isToken(cookieToken) || sent.size() != cookieToken.size() || !api::equalSecrets(sent, cookieToken) ||
      !fromThisSite(request))
    return messagePage(page, 403, "error.forged_form.title", "error.forged_form.text");

  auto lease = page.env.db.acquire();
  if (!lease) return storageTrouble(page, lease.error(), "log-in");
  auto& c = *lease.value();
  const auto& o = page.env.options;
  auto rate = api::hitRateLimit(c, "staff-login:" + request.clientAddress, page.env.now(), o.loginsPerMinutePerAddress);
  if (!rate) return storageTrouble(page, rate.error(), "log-in rate limit");
  if (!rate->allowed) {
    auto r = messagePage(page, 429, "login.too_many.title", "login.too_many.text");
    r.addHeader("Retry-After", std::to_string(rate->retryAfterSeconds));
    return r;
  }

  const auto login = normalisedLogin(request.formValue("login"));
  const auto password = request.formValue("password");
  const auto shownLogin = login.substr(0, 32);
  if (!isValidLogin(login) || password.empty() || password.size() > kMaxPasswordBytes) {
    spendVerificationTime(password);
    return refuseLogin(page, LockState{}, shownLogin);
  }
  auto lock = lockStateOf(c, login, page.env.now());
  if (!lock) return storageTrouble(page, lock.error(), "log-in lockout");
  auto account = findStaffAccount(c, login);
  if (!account) return storageTrouble(page, account.error(), "log-in account");
  const std::string accountLogin = account.value() ? login : "";
  if (lock->locked) {
    auto audited = auditFailure(c, page, "staff.login_while_locked", accountLogin);
    if (!audited) return storageTrouble(page, audited.error(), "log-in audit");
    return refuseLogin(page, lock.value(), shownLogin);
  }
  const bool usable = account.value() && !account.value()->disabled;
  bool matches = false;
  if (usable) matches = verifyPassword(account.value()->passwordHash, password);
  else spendVerificationTime(password);
  if (!matches) {
    auto failed = recordFailedLogin(c, login, page.env.now(), o.maxFailedLogins, o.lockoutSeconds);
    if (!failed) return storageTrouble(page, failed.error(), "log-in failure");
    auto audited = auditFailure(c, page, failed->locked ? "staff.login_locked" : "staff.login_failed", accountLogin);
    if (!audited) return storageTrouble(page, audited.error(), "log-in audit");
    return refuseLogin(page, failed.value(), shownLogin);
  }

  OpenedSession opened;
  auto done = inAuditedTransaction(c, [&]() -> store::DbResult<store::Done> {
    auto cleared = clearFailedLogins(c, login);
    if (!cleared) return cleared.error();
    auto session = openStaffSession(c, *account.value(), page.env.now(), o);
    if (!session) return session.error();
    opened = std::move(session.value());
    return auditStaff(c, page.env.now(), opened.session, "staff.login", login);
  });
  if (!done) return storageTrouble(page, done.error(), "log-in session");
  auto r = redirectTo(homeFor(opened.session.role));
  r.addHeader("Set-Cookie", sessionCookie(opened.token));
  r.addHeader("Set-Cookie", std::string(kLoginCookie) + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
  return r;
}

WebResponse logoutSubmit(PageContext& page, store::Connection& c) {
  auto done = inAuditedTransaction(c, [&]() -> store::DbResult<store::Done> {
    auto closed = closeStaffSession(c, page.staff->tokenHash);
    if (!closed) return closed.error();
    return auditStaff(c, page.env.now(), *page.staff, "staff.logout", page.staff->login);
  });
  if (!done) return storageTrouble(page, done.error(), "log-out");
  auto r = redirectTo("/login?bye=1");
  r.addHeader("Set-Cookie", clearedSessionCookie());
  return r;
}

}  // namespace onestop::central::web
