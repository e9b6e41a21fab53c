// The public verification page: genuine, revoked, expired, altered and forged certificates,
// typos and garbage in the code, rate limits; it shows only what a certificate prints.
#include <doctest/doctest.h>

#include "seal/seal.hpp"
#include "web/url_encoding.hpp"
#include "web_harness.hpp"

namespace onestop::central::web::test {
namespace {

namespace vc = seal::verification_code;

std::string verdictOf(const WebResponse& r) {
  const std::string marker = "data-verdict=\"";
  const auto at = r.body.find(marker);
  if (at == std::string::npos) return "";
  const auto start = at + marker.size();
  return r.body.substr(start, r.body.find('"', start) - start);
}

bool contains(const WebResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

// The verdict block alone (the page's links may carry the seal that was asked about).
std::string verdictBlock(const WebResponse& r) {
  const auto at = r.body.find("id=\"verdict\"");
  if (at == std::string::npos) return "";
  return r.body.substr(at, r.body.find("</section>", at) - at);
}

}  // namespace

TEST_CASE("the verification page without a code shows the form, in Chinese by default") {
  WebHarness h;
  const auto r = h.get("/verify");
  CHECK(r.status == 200);
  CHECK(contains(r, "<html lang=\"zh-CN\""));
  CHECK(contains(r, "name=\"code\""));
  CHECK(contains(r, "证明验真"));
  CHECK(headerOf(r, "Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(headerOf(r, "Cache-Control") == "no-store");
  CHECK(headerOf(r, "Referrer-Policy") == "same-origin");
}

TEST_CASE("a genuine certificate checked by its code shows the masked holder data and nothing more") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    WebHarness h(backend);
    const auto cert = h.issueCertificate("worker");
    const auto r = h.get("/verify?code=" + encodeComponent(vc::formatForPrint(cert.code)));
    CHECK(r.status == 200);
    CHECK(verdictOf(r) == "genuine");
    CHECK(contains(r, "真实有效"));
    CHECK(contains(r, cert.serial));
    CHECK(contains(r, "110105********0312"));
    CHECK(contains(r, "测**伟"));
    CHECK_FALSE(contains(r, "110105198503140312"));
    CHECK_FALSE(contains(r, "测试张伟"));
    CHECK_FALSE(contains(r, "C019159"));  // internal ids stay internal
  }
}

TEST_CASE("a genuine certificate checked through the URL form of its seal") {
  WebHarness h;
  const auto cert = h.issueCertificate("retiree", "benefit");
  const auto r = h.get("/v/" + cert.seal);
  CHECK(r.status == 200);
  CHECK(verdictOf(r) == "genuine");
  CHECK(contains(r, "待遇领取证明"));
  CHECK(contains(r, "440106********0170"));
}

TEST_CASE("an altered seal is plainly not genuine, whichever character was changed") {
  WebHarness h;
  const auto cert = h.issueCertificate("worker");
  // The signature, the validity date, the masked ID number and the serial.
  for (const std::size_t from : {cert.seal.size() - 5, cert.seal.find('.', 20) + 2, cert.seal.find('*') - 2,
                                 std::size_t{12}}) {
    std::string altered = cert.seal;
    altered[from] = altered[from] == '1' ? '2' : '1';
    CAPTURE(altered);
    const auto r = h.get("/v/" + altered);
    CHECK(r.status == 200);
    CHECK(verdictOf(r) == "not_genuine");
    CHECK(contains(r, "不是真证明"));
    CHECK(verdictBlock(r).find("110105") == std::string::npos);  // nothing unverified is shown
  }
  CHECK(verdictOf(h.get("/v/OSS1.garbage")) == "not_genuine");
  CHECK(verdictOf(h.get("/v/" + std::string(5000, 'A'))) == "not_genuine");
}

TEST_CASE("a seal signed with a key the agency does not have is not genuine") {
  WebHarness h;
  const auto cert = h.issueCertificate("worker");
  auto parsed = seal::parseSeal(cert.seal);
  REQUIRE(parsed.ok());
  seal::KeyRing foreign;
  foreign.rotate(h.now());
  const auto& p = parsed->payload;
  const seal::SealRequest copy{p.serial, p.type, p.validUntil, p.maskedName, p.maskedIdNumber, p.documentDigest};
  auto forged = foreign.seal(copy, h.now());
  REQUIRE(forged.ok());
  CHECK(verdictOf(h.get("/v/" + forged->text)) == "not_genuine");

  // Signed with the agency's own key but never recorded (a key used outside the server):
  // not a certificate the agency issued either.
  auto unrecorded = h.keys().seal({"ZM20250101UNKNOWN1", p.type, p.validUntil, p.maskedName, p.maskedIdNumber,
                                   p.documentDigest},
                                  h.now());
  REQUIRE(unrecorded.ok());
  CHECK(verdictOf(h.get("/v/" + unrecorded->text)) == "not_genuine");
}

TEST_CASE("a revoked certificate and an expired one are reported as such") {
  WebHarness h;
  const auto revoked = h.issueCertificate("worker");
  const auto r = h.api("POST", "/v1/staff/certificates/" + revoked.serial + "/revocation", {{"reason", "reissued"}}, {},
                       api::Caller::Kind::Staff, "STAFF-DEMO-01");
  REQUIRE_MESSAGE(r.status == 200, r.body);
  const auto page = h.get("/verify?code=" + revoked.code);
  CHECK(verdictOf(page) == "revoked");
  CHECK_FALSE(contains(page, "reissued"));  // the staff's reason is not printed on the paper
  CHECK(verdictOf(h.get("/v/" + revoked.seal)) == "revoked");

  const auto later = h.issueCertificate("arrears");
  h.advanceClock(91 * 86400);
  CHECK(verdictOf(h.get("/verify?code=" + later.code)) == "expired");
  CHECK(verdictOf(h.get("/v/" + later.seal)) == "expired");
}

TEST_CASE("a typo in the code is caught before any lookup, and garbage is not echoed") {
  WebHarness h;
  const auto cert = h.issueCertificate("worker");
  std::string typo = cert.code;
  typo[3] = typo[3] == '9' ? '0' : static_cast<char>(typo[3] + 1);
  const auto r = h.get("/verify?code=" + typo);
  CHECK(r.status == 400);
  CHECK(verdictOf(r).empty());
  CHECK(contains(r, "这不是有效的验证码"));
  CHECK(h.count("SELECT COUNT(*) FROM rate_windows WHERE bucket LIKE 'verify-web:%'") == 0);

  const auto garbage = h.get("/verify?code=" + encodeComponent("<script>alert(1)</script>"));
  CHECK(garbage.status == 400);
  CHECK_FALSE(contains(garbage, "<script>alert"));
  CHECK(h.get("/verify?code=" + std::string(100000, '1')).status == 400);
}

TEST_CASE("a well-formed code no certificate has is not genuine") {
  WebHarness h;
  const auto cert = h.issueCertificate("worker");
  std::string other = vc::generate();
  while (other == cert.code) other = vc::generate();
  const auto r = h.get("/verify?code=" + other);
  CHECK(r.status == 200);
  CHECK(verdictOf(r) == "no_such_code");
  CHECK(contains(r, "查无此证明"));
}

TEST_CASE("checks are rate-limited per client address") {
  ConsoleOptions options;
  options.verificationsPerMinutePerAddress = 3;
  WebHarness h(Backend::Sqlite, options);
  const auto cert = h.issueCertificate("worker");
  for (int i = 0; i < 3; ++i) CHECK(h.get("/verify?code=" + cert.code).status == 200);
  const auto refused = h.get("/verify?code=" + cert.code);
  CHECK(refused.status == 429);
  CHECK(verdictOf(refused).empty());
  CHECK_FALSE(headerOf(refused, "Retry-After").empty());
  CHECK(h.get("/v/" + cert.seal).status == 429);
  CHECK(h.get("/verify?code=" + cert.code, {}, "192.0.2.99").status == 200);  // another client
}

TEST_CASE("the verification page in English, remembered in a cookie") {
  WebHarness h;
  const auto cert = h.issueCertificate("worker");
  const auto r = h.get("/verify?lang=en&code=" + cert.code);
  CHECK(contains(r, "<html lang=\"en\""));
  CHECK(contains(r, "Genuine and valid"));
  CHECK(setCookie(r, "onestop_lang") == "en");
  CHECK(contains(r, "href=\"/verify?code=" + cert.code + "&amp;lang=zh-CN\""));  // the switch keeps the code
  CHECK(contains(h.get("/verify", {{"onestop_lang", "en"}}), "Check a certificate"));
  CHECK(contains(h.get("/verify", {{"onestop_lang", "xx"}}), "证明验真"));
}

TEST_CASE("unknown pages and methods get a plain page") {
  WebHarness h;
  CHECK(h.get("/no/such/page").status == 404);
  CHECK(h.get("/static/console.css").contentType.rfind("text/css", 0) == 0);
  CHECK(h.get("/").status == 303);
}

}  // namespace onestop::central::web::test
