// The second listener over real TLS: browsers connect with no client certificate, the API
// listener still demands one, and neither serves the other's pages.
#include <doctest/doctest.h>

#include "web_central.hpp"

namespace onestop::central::webtest {

TEST_CASE("the verification page is served over HTTPS to a client without a certificate") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    WebCentral central(backend);
    const auto cert = central.issueCertificate("worker");
    const auto r = central.page("GET", "/verify?code=" + cert.code);
    REQUIRE(r.status == 200);
    CHECK(r.body.find("data-verdict=\"genuine\"") != std::string::npos);
    CHECK(r.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(r.header("Strict-Transport-Security").find("max-age=") == 0);
    // Change one signature character to a different one (a fixed "AA" suffix was sometimes
    // the seal's own ending, 1 in 256).
    std::string tampered = cert.seal;
    char& c = tampered[tampered.size() - 2];
    c = c == 'B' ? 'C' : 'B';
    const auto altered = central.page("GET", "/v/" + tampered);
    CHECK(altered.body.find("data-verdict=\"not_genuine\"") != std::string::npos);
  }
}

TEST_CASE("the API listener still refuses a client without a certificate") {
  WebCentral central;
  CHECK(central.api("GET", "/v1/keys", "", {}, "").status == 0);
  CHECK(central.api("GET", "/v1/keys").status == 200);
}

TEST_CASE("the console listener does not serve the API, and the API does not serve pages") {
  WebCentral central;
  const auto r = central.page("GET", "/v1/keys");
  CHECK(r.status == 404);
  CHECK(r.body.find("publicKey") == std::string::npos);
  CHECK(central.api("GET", "/verify").status == 404);
}

TEST_CASE("the console listener refuses compressed bodies before any page runs") {
  WebCentral central;
  const auto r = central.page("POST", "/verify", "code=1", {{"Content-Encoding", "gzip"}});
  CHECK(r.status == 415);
}

TEST_CASE("a huge form gets a plain page and changes nothing") {
  WebCentral central;
  central.seedDemoConsole();
  const auto sessions = central.count("SELECT COUNT(*) FROM staff_sessions");
  const auto r = central.page("POST", "/login", "login=reviewer1&password=" + std::string(200 * 1024, 'x'));
  CHECK(r.status == 413);
  CHECK(r.body.find("The form is too large") != std::string::npos);
  CHECK(central.count("SELECT COUNT(*) FROM staff_sessions") == sessions);
}

}  // namespace onestop::central::webtest
