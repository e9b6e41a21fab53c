// Ratings, complaints, queue tickets and the fleet endpoints.
#include "api/acceptance_number.hpp"
#include "central_fixture.hpp"

using namespace onestop::central::test;
using nlohmann::json;

TEST_CASE("ratings are keyed to an acceptance number, a dissatisfied one needs a reason") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto session = TestCentral::bearer(central.sessionFor("worker"));
    auto cert = central.post("/v1/me/certificates", R"({"type":"participation"})", session);
    REQUIRE(cert.status == 201);
    const auto number = cert.json()["acceptanceNumber"].get<std::string>();
    const auto rate = [&](int level, const std::string& reason, const std::string& n) {
      return central.post("/v1/ratings", json{{"acceptanceNumber", n}, {"level", level}, {"reason", reason}}.dump());
    };
    CHECK(rate(1, "", number).code() == "rating-reason-required");
    CHECK(rate(6, "", number).code() == "invalid-field");
    CHECK(rate(0, "", number).code() == "invalid-field");
    CHECK(rate(5, "", "123").code() == "invalid-field");
    const std::string body = "202601010000000";
    const auto unknown = body + onestop::core::luhnCheckDigit(body);   // well formed, never issued
    CHECK(rate(5, "", unknown).code() == "acceptance-number-unknown");
    CHECK(rate(2, "等了很久", number).status == 201);
    CHECK(rate(5, "", number).code() == "already-rated");
    CHECK(central.count("SELECT COUNT(*) FROM ratings") == 1);
  }
}

TEST_CASE("complaints, anonymous or linked to the session") {
  TestCentral central(Backend::Sqlite);
  auto r = central.post("/v1/complaints", R"({"category":"suggestion","text":"字再大一点"})");
  REQUIRE(r.status == 201);
  CHECK(r.json()["id"].get<std::string>().rfind("FB", 0) == 0);
  const auto session = TestCentral::bearer(central.sessionFor("worker"));
  r = central.post("/v1/complaints", R"({"category":"complaint","text":"打印机卡纸"})", session);
  REQUIRE(r.status == 201);
  CHECK(central.count("SELECT COUNT(*) FROM complaints WHERE citizen_id IS NOT NULL") == 1);
  CHECK(central.post("/v1/complaints", R"({"category":"praise","text":"x"})").status == 400);
  CHECK(central.post("/v1/complaints", json{{"category", "complaint"}, {"text", std::string(501, 'a')}}.dump()).status == 400);
}

TEST_CASE("queue tickets count the people ahead, only counter services take numbers") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    auto a = central.post("/v1/queue-tickets", R"({"service":"retirement_claim"})");
    REQUIRE_MESSAGE(a.status == 201, a.body);
    auto b = central.post("/v1/queue-tickets", R"({"service":"retirement_claim"})", {}, "kiosks/KIOSK-DEMO-02");
    REQUIRE(b.status == 201);
    auto c = central.post("/v1/queue-tickets", R"({"service":"unemployment_claim"})");
    REQUIRE(c.status == 201);
    CHECK(a.json()["number"] == "A001");
    CHECK(a.json()["peopleAhead"] == 0);
    CHECK(b.json()["number"] == "A002");
    CHECK(b.json()["peopleAhead"] == 1);
    CHECK(c.json()["number"].get<std::string>().substr(1) == "001");
    CHECK(c.json()["number"] != a.json()["number"]);
    CHECK(central.post("/v1/queue-tickets", R"({"service":"change_phone"})").status == 400);
  }
}

TEST_CASE("fleet: heartbeat, catalogue and config with ETag") {
  TestCentral central(Backend::Sqlite);
  auto r = central.post("/v1/fleet/heartbeat",
                        R"({"softwareVersion":"0.1.0","devices":[{"name":"idcard","status":"online"},{"name":"printer","status":"userError","detail":"paper out"}]})");
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(central.count("SELECT COUNT(*) FROM kiosks WHERE kiosk_id = 'KIOSK-TEST-01'") == 1);
  r = central.post("/v1/fleet/heartbeat", R"({"softwareVersion":"0.1.0","devices":[{"name":"idcard","status":"on fire"}]})");
  CHECK(r.status == 400);

  r = central.get("/v1/fleet/catalogue");
  REQUIRE(r.status == 200);
  const auto etag = r.headers.find("ETag")->second;
  CHECK(r.json()["services"].size() >= 10);
  r = central.get("/v1/fleet/catalogue", {{"If-None-Match", etag}});
  CHECK(r.status == 304);
  CHECK(r.body.empty());
  r = central.get("/v1/fleet/config");
  REQUIRE(r.status == 200);
  CHECK(r.json().contains("inactivitySeconds"));
}
