#include "web/console.hpp"

#include <exception>

#include <spdlog/spdlog.h>

#include "web/html.hpp"
#include "web/pages.hpp"
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
  // hand them to another site.
  r.addHeader("Referrer-Policy", "no-referrer");
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

WebResponse route(PageContext& page) {
  const auto& request = page.request;
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (request.path == "/static/console.css" && get) return stylesheet();
  if (request.path == "/" && get) return redirectTo("/verify");
  if (request.path == "/verify" && get) {
    page.frame.publicPage = true;
    return verifyByCodePage(page);
  }
  if (request.path.rfind("/v/", 0) == 0 && get) {
    page.frame.publicPage = true;
    return verifyBySealPage(page, std::string_view(request.path).substr(3));
  }
  if (request.method != "GET" && request.method != "HEAD" && request.method != "POST")
    return messagePage(page, 405, "error.method.title", "error.method.text");
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
