#pragma once
// Every page handler gets the same context and returns a response; one file per page.
#include <string_view>

#include "web/html.hpp"
#include "web/texts.hpp"
#include "web/web_env.hpp"
#include "web/web_types.hpp"

namespace onestop::central::web {

struct PageContext {
  const WebEnv& env;
  const WebRequest& request;
  const Texts& t;
  PageFrame frame;  ///< pre-filled by the console: navigation, staff bar, language switch
};

// Public pages (no log-in): verify_page.cpp
WebResponse verifyByCodePage(PageContext& page);
WebResponse verifyBySealPage(PageContext& page, std::string_view sealText);

// Shared answers: error_pages.cpp
WebResponse messagePage(PageContext& page, int status, std::string_view titleKey, std::string_view textKey);

}  // namespace onestop::central::web
