// Plain pages for refusals (not found, bad request, too many requests…): they say what
// happened and what to do, and nothing about the request's data.
#include <spdlog/spdlog.h>

#include "web/pages.hpp"

namespace onestop::central::web {

WebResponse messagePage(PageContext& page, int status, std::string_view titleKey, std::string_view textKey,
                        const std::string& backHref) {
  page.frame.title = page.t(titleKey);
  std::string body = "<p class=\"lead\" id=\"message\">" + escape(page.t(textKey)) + "</p>";
  body += "<p><a href=\"" + escape(backHref) + "\">" + escape(page.t(backHref == "/" ? "frame.home" : "frame.back")) +
          "</a></p>";
  return htmlResponse(status, renderPage(page.t, page.frame, body));
}

WebResponse storageTrouble(PageContext& page, const store::DbError& error, std::string_view during) {
  spdlog::error("web: storage failure during {}: {}", during, error.message);
  return messagePage(page, 503, "error.unavailable.title", "error.unavailable.text");
}

}  // namespace onestop::central::web
