#include "web/console.hpp"

#include <exception>
#include <optional>

#include <spdlog/spdlog.h>

#include "web/html.hpp"
#include "web/pages.hpp"
#include "web/staff_gate.hpp"
#include "web/static_assets.hpp"
#include "web/url_encoding.hpp"

namespace onestop::central::web {
namespace {

constexpr const char* kLanguageCookie = "onestop_lang";

// Language: ?lang= (remembered in a cookie), else the cookie, else zh-CN.
Language languageOf(const WebRequest& request, bool& remember) {
  remember = false;
  if (auto chosen = languageFromCode(request.queryValue("lang"))) {
    remember = true;
    return *chosen;
  }
  if (auto cookie = request.cookie(kLanguageCookie))
    if (auto saved = languageFromCode(*cookie)) return *saved;
  return Language::ZhCN;
}

// The current page's address without lang, for the language switch.
std::string switchTarget(const WebRequest& request) {
  if (request.method != "GET") return "/";
  std::string out = request.path;
  char sep = '?';
  for (const auto& [name, value] : request.query) {
    if (name == "lang") continue;
    out += sep + encodeComponent(name) + "=" + encodeComponent(value);
    sep = '&';
  }
  return out;
}

void addSecurityHeaders(WebResponse& r) {
  // No script at all, no inline style, no framing, forms only to this server.
  r.addHeader("Content-Security-Policy",
              "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
              "base-uri 'none'");
  r.addHeader("X-Content-Type-Options", "nosniff");
  r.addHeader("X-Frame-Options", "DENY");
  // Verification links carry a seal and console links carry acceptance numbers: never
  // hand them to another site. (Not no-referrer: with it browsers send "Origin: null" on
  // our own form posts, and the origin check would refuse them.)
  r.addHeader("Referrer-Policy", "same-origin");
  r.addHeader("Strict-Transport-Security", "max-age=31536000");
  bool cacheable = false;
  for (const auto& [name, value] : r.headers) cacheable = cacheable || name == "Cache-Control";
  if (!cacheable) r.addHeader("Cache-Control", "no-store");
}

WebResponse stylesheet() {
  WebResponse r;
  r.contentType = "text/css; charset=utf-8";
  r.body = std::string(kConsoleCss);
  r.addHeader("Cache-Control", "max-age=3600");
  return r;
}

// "/filings/<n>" → "<n>", "/filings/<n>/decision" → "<n>" (with isDecision set).
std::optional<std::string> filingNumberIn(const std::string& path, bool& isDecision) {
  const std::string prefix = "/filings/", suffix = "/decision";
  if (path.rfind(prefix, 0) != 0) return std::nullopt;
  std::string rest = path.substr(prefix.size());
  isDecision = rest.size() > suffix.size() && rest.compare(rest.size() - suffix.size(), suffix.size(), suffix) == 0;
  if (isDecision) rest.resize(rest.size() - suffix.size());
  if (rest.empty() || rest.find('/') != std::string::npos) return std::nullopt;
  return rest;
}

WebResponse home(PageContext& page) {
  auto lease = page.env.db.acquire();
  if (!lease) return storageTrouble(page, lease.error(), "home");
  auto lookup = sessionOf(page, *lease.value());
  if (!lookup) return storageTrouble(page, lookup.error(), "home");
  return redirectTo(lookup->state == SessionState::Valid ? homeFor(lookup->session.role) : "/login");
}

WebResponse route(PageContext& page) {
  const auto& request = page.request;
  const auto& path = request.path;
  const bool get = request.method == "GET" || request.method == "HEAD";
  const bool post = request.method == "POST";
  if (path == "/static/console.css" && get) return stylesheet();
  if (path == "/verify" && get) {
    page.frame.publicPage = true;
    return verifyByCodePage(page);
  }
  if (path.rfind("/v/", 0) == 0 && get) {
    page.frame.publicPage = true;
    return verifyBySealPage(page, std::string_view(path).substr(3));
  }
  if (path == "/" && get) return home(page);
  if (path == "/login" && get) return loginPage(page);
  if (path == "/login" && post) return loginSubmit(page);
  if (path == "/logout" && post) return asStaff(page, Area::Any, logoutSubmit);
  if (path == "/queue" && get) return asStaff(page, Area::Review, queuePage);
  if (path == "/fleet" && get) return asStaff(page, Area::Fleet, fleetPage);
  if (path == "/quality" && get) return asStaff(page, Area::Quality, qualityPage);
  if (path == "/audit" && get) return asStaff(page, Area::Audit, auditPage);
  bool isDecision = false;
  if (auto number = filingNumberIn(path, isDecision)) {
    if (!isDecision && get)
      return asStaff(page, Area::Review, [&](PageContext& p, store::Connection& c) { return filingPage(p, c, *number); });
    if (isDecision && post)
      return asStaff(page, Area::Review,
                     [&](PageContext& p, store::Connection& c) { return reviewDecision(p, c, *number); });
  }
  if (!get && !post) return messagePage(page, 405, "error.method.title", "error.method.text");
  return messagePage(page, 404, "error.not_found.title", "error.not_found.text");
}

}  // namespace

StaffConsole::StaffConsole(store::Database& db, seal::KeyRing& keys, ConsoleOptions options,
                           std::function<std::int64_t()> now)
    : env_{db, keys, options, std::move(now)} {}

WebResponse StaffConsole::handle(const WebRequest& request) const {
  bool rememberLanguage = false;
  const Texts t(languageOf(request, rememberLanguage));
  PageContext page{env_, request, t, PageFrame{}};
  page.frame.languageSwitchTarget = switchTarget(request);
  WebResponse response;
  try {
    response = route(page);
  } catch (const std::exception&) {
    // Never shown: the exception text may carry data.
    spdlog::error("web: a {} handler threw; answered 500", request.method);
    response = messagePage(page, 500, "error.internal.title", "error.internal.text");
  }
  if (rememberLanguage)
    response.addHeader("Set-Cookie", std::string(kLanguageCookie) + "=" + std::string(languageCode(t.language())) +
                                         "; Path=/; Max-Age=31536000; Secure; SameSite=Strict");
  addSecurityHeaders(response);
  if (request.method == "HEAD") response.body.clear();
  return response;
}

}  // namespace onestop::central::web
