// Who may talk to the server at all, and how the transport answers bad requests.
#include "central_fixture.hpp"

using namespace onestop::central::test;
using nlohmann::json;

TEST_CASE("only kiosks of the agency CA get past the handshake, refused clients reach no handler") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto before = central.count("SELECT COUNT(*) FROM audit_log");
    const auto body = json{{"method", "id_card"}, {"card", TestCentral::cardOf("worker")}}.dump();
    CHECK(central.post("/v1/identify", body, {}, "").status == 0);                                  // no certificate
    CHECK(central.post("/v1/identify", body, {}, "other-ca/kiosks/KIOSK-ROGUE-01").status == 0);    // another CA
    CHECK(central.post("/v1/identify", body, {}, "kiosks/KIOSK-REVOKED-01").status == 0);           // revoked
    CHECK(central.count("SELECT COUNT(*) FROM audit_log") == before);
    CHECK(central.count("SELECT COUNT(*) FROM sessions") == 0);
    // The same request from a good kiosk works, and a header cannot change who it is.
    const auto ok = central.post("/v1/identify", body, {{"X-Kiosk-Id", "KIOSK-DEMO-02"}});
    REQUIRE(ok.status == 201);
    CHECK(central.count("SELECT COUNT(*) FROM sessions WHERE kiosk_id = 'KIOSK-TEST-01'") == 1);
  }
}

TEST_CASE("a staff certificate cannot act as a kiosk, nor a kiosk as staff") {
  TestCentral central(Backend::Sqlite);
  const auto body = json{{"method", "id_card"}, {"card", TestCentral::cardOf("worker")}}.dump();
  const auto r = central.post("/v1/identify", body, {}, "staff/STAFF-DEMO-01");
  CHECK(r.status == 403);
  CHECK(r.code() == "kiosk-certificate-required");
  const auto s = central.post("/v1/staff/certificates/ZM2026010112345678/revocation", R"({"reason":"test"})");
  CHECK(s.status == 403);
  CHECK(s.code() == "staff-certificate-required");
}

TEST_CASE("unknown routes, wrong methods, bad bodies and oversize bodies are problem+json 4xx") {
  TestCentral central(Backend::Sqlite);
  auto r = central.get("/v1/nothing-here");
  CHECK(r.status == 404);
  CHECK(r.contentType == "application/problem+json");
  CHECK(r.code() == "not-found");
  r = central.get("/v1/identify");
  CHECK(r.status == 405);
  CHECK(r.code() == "method-not-allowed");
  r = central.post("/v1/identify", "{not json");
  CHECK(r.status == 400);
  CHECK(r.code() == "malformed-json");
  r = central.post("/v1/identify", "[1,2,3]");
  CHECK(r.status == 400);
  r = central.post("/v1/identify", R"({"method":"id_card","card":{"type":"mainland","idNumber":12345}})");
  CHECK(r.status == 400);
  CHECK(r.code() == "invalid-field");
  CHECK(r.json()["detail"].get<std::string>().find("card.idNumber") != std::string::npos);
  r = central.post("/v1/identify", std::string(70 * 1024, 'x'));
  CHECK(r.status == 413);
  CHECK(r.code() == "payload-too-large");
  auto gz = central.client()->Post("/v1/identify", {{"Content-Encoding", "gzip"}}, "xxxx", "application/json");
  REQUIRE(gz);
  CHECK(gz->status == 415);
  CHECK(nlohmann::json::parse(gz->body, nullptr, false).value("code", "") == "content-encoding-unsupported");
  auto c = central.client();
  auto plain = c->Post("/v1/identify", R"({"method":"essc","token":"x"})", "text/plain");
  REQUIRE(plain);
  CHECK(plain->status == 415);
  CHECK(central.count("SELECT COUNT(*) FROM sessions") == 0);
}
