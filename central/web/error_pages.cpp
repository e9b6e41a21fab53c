// Plain pages for refusals (not found, bad request, too many requests…): they say what
// happened and what to do, and nothing about the request's data.
#include "web/pages.hpp"

namespace onestop::central::web {

WebResponse messagePage(PageContext& page, int status, std::string_view titleKey, std::string_view textKey) {
  page.frame.title = page.t(titleKey);
  std::string body = "<p class=\"lead\">" + escape(page.t(textKey)) + "</p>";
  body += "<p><a href=\"/\">" + escape(page.t("frame.home")) + "</a></p>";
  return htmlResponse(status, renderPage(page.t, page.frame, body));
}

}  // namespace onestop::central::web
