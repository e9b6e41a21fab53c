#pragma once
// HTML output: escaping (everything from data or input goes through escape()), the page
// frame shared by every page (header, navigation, language switch, staff bar), and the
// common responses. Pages build their main part as a string and hand it to renderPage.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/texts.hpp"
#include "web/web_types.hpp"

namespace onestop::central::web {

/// Escapes & < > " ' so the result is safe as element text and as a quoted attribute value.
std::string escape(std::string_view text);

struct NavItem {
  std::string id;     ///< "queue", "fleet", …
  std::string href;
  std::string label;  ///< plain text
};

struct StaffBar {
  std::string displayName;
  std::string roleLabel;
  std::string csrfToken;  ///< for the log-out form
};

struct PageFrame {
  std::string title;                 ///< plain text
  std::string activeNav;             ///< the NavItem id to mark as current
  std::vector<NavItem> nav;          ///< empty on public pages and the login page
  std::optional<StaffBar> staff;
  std::string languageSwitchTarget;  ///< path and query (without lang) the switch links to
  bool publicPage = false;           ///< the verification page's own header
};

/// A complete HTML document in t's language.
std::string renderPage(const Texts& t, const PageFrame& frame, std::string_view mainHtml);

/// "href?lang=code" or "href&lang=code".
std::string withLanguage(std::string_view href, Language language);

WebResponse htmlResponse(int status, std::string body);
/// 303 See Other to a path on this server.
WebResponse redirectTo(std::string location);

/// A hidden input carrying the CSRF token.
std::string csrfField(std::string_view token);

/// A small message block: kind is "info", "ok", "warn" or "error"; text is plain text.
std::string notice(std::string_view kind, std::string_view text);

}  // namespace onestop::central::web
