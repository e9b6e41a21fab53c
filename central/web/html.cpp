#include "web/html.hpp"

namespace onestop::central::web {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string withLanguage(std::string_view href, Language language) {
  std::string out(href);
  out += out.find('?') == std::string::npos ? '?' : '&';
  out += "lang=";
  out += languageCode(language);
  return out;
}

namespace {

std::string languageSwitch(const Texts& t, const PageFrame& frame) {
  const Language other = t.language() == Language::ZhCN ? Language::En : Language::ZhCN;
  const std::string target = frame.languageSwitchTarget.empty() ? "/" : frame.languageSwitchTarget;
  return "<a class=\"lang\" lang=\"" + std::string(languageCode(other)) + "\" href=\"" +
         escape(withLanguage(target, other)) + "\">" + escape(t("frame.other_language")) + "</a>";
}

std::string navigation(const PageFrame& frame) {
  if (frame.nav.empty()) return {};
  std::string out = "<nav><ul>";
  for (const auto& item : frame.nav) {
    const bool current = item.id == frame.activeNav;
    out += "<li><a href=\"" + escape(item.href) + "\"" + (current ? " aria-current=\"page\"" : "") + ">" +
           escape(item.label) + "</a></li>";
  }
  return out + "</ul></nav>";
}

std::string staffBar(const Texts& t, const PageFrame& frame) {
  if (!frame.staff) return {};
  const auto& s = *frame.staff;
  return "<div class=\"who\"><span>" + escape(s.displayName) + " · " + escape(s.roleLabel) +
         "</span><form method=\"post\" action=\"/logout\">" + csrfField(s.csrfToken) +
         "<button type=\"submit\" class=\"link\">" + escape(t("frame.logout")) + "</button></form></div>";
}

}  // namespace

std::string renderPage(const Texts& t, const PageFrame& frame, std::string_view mainHtml) {
  const std::string appName = frame.publicPage ? t("verify.app_name") : t("frame.app_name");
  std::string out;
  out.reserve(mainHtml.size() + 2048);
  out += "<!DOCTYPE html>\n<html lang=\"";
  out += languageCode(t.language());
  out += "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<title>" + escape(frame.title) + " · " + escape(appName) + "</title>";
  out += "<link rel=\"stylesheet\" href=\"/static/console.css\"></head><body>";
  out += "<header class=\"top\"><div class=\"brand\">" + escape(appName) + "</div>";
  out += navigation(frame);
  out += "<div class=\"tools\">" + staffBar(t, frame) + languageSwitch(t, frame) + "</div></header>";
  out += "<main><h1>" + escape(frame.title) + "</h1>";
  out += mainHtml;
  out += "</main></body></html>\n";
  return out;
}

WebResponse htmlResponse(int status, std::string body) {
  WebResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

WebResponse redirectTo(std::string location) {
  WebResponse r;
  r.status = 303;
  r.addHeader("Location", std::move(location));
  return r;
}

std::string csrfField(std::string_view token) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(token) + "\">";
}

std::string notice(std::string_view kind, std::string_view text) {
  const bool alert = kind == "error" || kind == "warn";
  return "<div class=\"notice " + escape(kind) + "\"" + (alert ? " role=\"alert\"" : "") + ">" + escape(text) +
         "</div>";
}

}  // namespace onestop::central::web
