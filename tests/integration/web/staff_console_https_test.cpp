// The staff console over real TLS: a browser-like client logs in with the form and its
// cookies, approves a filing, and the API reports the new state.
#include <doctest/doctest.h>

#include "web_central.hpp"

namespace onestop::central::webtest {
namespace {

// "name=value" from a Set-Cookie header naming `name`.
std::string cookieFrom(const Reply& r, const std::string& name) {
  auto range = r.headers.equal_range("Set-Cookie");
  for (auto it = range.first; it != range.second; ++it)
    if (it->second.rfind(name + "=", 0) == 0) return it->second.substr(0, it->second.find(';'));
  return "";
}

std::string hidden(const std::string& html, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  const auto at = html.find(marker);
  if (at == std::string::npos) return "";
  const auto start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

}  // namespace

TEST_CASE("over HTTPS a reviewer logs in, approves a filing, and the API shows it completed") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    WebCentral central(backend);
    central.seedDemoConsole();
    const auto number = central.file("worker", "change_phone", {{"phone", "13800009999"}});
    CHECK(central.progressState(number) == "accepted");

    const auto form = central.page("GET", "/login");
    REQUIRE(form.status == 200);
    const auto loginCookie = cookieFrom(form, "__Host-onestop_login");
    REQUIRE_FALSE(loginCookie.empty());
    const auto loggedIn = central.page("POST", "/login",
                                       "csrf=" + hidden(form.body, "csrf") + "&login=reviewer1&password=onestop-demo",
                                       {{"Cookie", loginCookie}});
    REQUIRE_MESSAGE(loggedIn.status == 303, loggedIn.body);
    const auto session = cookieFrom(loggedIn, "__Host-onestop_staff");
    REQUIRE_FALSE(session.empty());

    const auto filing = central.page("GET", "/filings/" + number, "", {{"Cookie", session}});
    REQUIRE(filing.status == 200);
    const auto csrf = hidden(filing.body, "csrf");
    const auto approved = central.page("POST", "/filings/" + number + "/decision",
                                       "csrf=" + csrf + "&action=approve&state=accepted", {{"Cookie", session}});
    CHECK(approved.status == 303);
    CHECK(central.progressState(number) == "completed");

    // The same form again, from a page of another site: refused, nothing changes.
    const auto other = central.file("arrears", "change_phone", {{"phone", "13800008888"}});
    const auto forged = central.page("POST", "/filings/" + other + "/decision",
                                     "csrf=" + csrf + "&action=approve&state=accepted",
                                     {{"Cookie", session}, {"Origin", "https://evil.example"}});
    CHECK(forged.status == 403);
    CHECK(central.progressState(other) == "accepted");
  }
}

}  // namespace onestop::central::webtest
