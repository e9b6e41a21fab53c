#pragma once
// Every page handler gets the same context and returns a response; one file per page.
#include <string_view>

#include "store/database.hpp"
#include "web/html.hpp"
#include "web/staff_sessions.hpp"
#include "web/texts.hpp"
#include "web/web_env.hpp"
#include "web/web_types.hpp"

namespace onestop::central::web {

struct PageContext {
  const WebEnv& env;
  const WebRequest& request;
  const Texts& t;
  PageFrame frame;  ///< pre-filled by the console: navigation, staff bar, language switch
  const StaffSession* staff = nullptr;  ///< set on staff pages (staff_gate.hpp)
};

// Public pages (no log-in): verify_page.cpp
WebResponse verifyByCodePage(PageContext& page);
WebResponse verifyBySealPage(PageContext& page, std::string_view sealText);

// Log-in and log-out: login_page.cpp
WebResponse loginPage(PageContext& page);
WebResponse loginSubmit(PageContext& page);
WebResponse logoutSubmit(PageContext& page, store::Connection& c);

// Review: queue_page.cpp, filing_page.cpp, review_decision.cpp
WebResponse queuePage(PageContext& page, store::Connection& c);
WebResponse filingPage(PageContext& page, store::Connection& c, const std::string& number);
WebResponse reviewDecision(PageContext& page, store::Connection& c, const std::string& number);

// Fleet, service quality, audit log: fleet_page.cpp, quality_page.cpp, audit_page.cpp
WebResponse fleetPage(PageContext& page, store::Connection& c);
WebResponse qualityPage(PageContext& page, store::Connection& c);
WebResponse auditPage(PageContext& page, store::Connection& c);

// Shared answers: error_pages.cpp
/// A short page saying what happened; the link goes back to `backHref` (default: home).
WebResponse messagePage(PageContext& page, int status, std::string_view titleKey, std::string_view textKey,
                        const std::string& backHref = "/");
/// 503 when the database fails; the precise error goes to the log.
WebResponse storageTrouble(PageContext& page, const store::DbError& error, std::string_view during);

}  // namespace onestop::central::web
