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

TEST_CASE("reserved queue numbers: offline stock for a kiosk, waiting once reported") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    auto online = central.post("/v1/queue-tickets", R"({"service":"retirement_claim"})");
    REQUIRE(online.status == 201);
    CHECK(online.json()["number"] == "A001");

    auto reserved = central.post("/v1/queue-tickets/reservations", R"({"service":"retirement_claim","count":3})");
    REQUIRE_MESSAGE(reserved.status == 201, reserved.body);
    CHECK(reserved.json()["numbers"] == json::array({"A002", "A003", "A004"}));
    const auto day = reserved.json()["day"].get<std::string>();

    // Reserved numbers are skipped by other kiosks and nobody waits on them.
    auto next = central.post("/v1/queue-tickets", R"({"service":"retirement_claim"})", {}, "kiosks/KIOSK-DEMO-02");
    REQUIRE(next.status == 201);
    CHECK(next.json()["number"] == "A005");
    CHECK(next.json()["peopleAhead"] == 1);

    // The kiosk hands out A003 offline a minute later and reports it: it waits behind the
    // two tickets issued before it, ahead of anything issued after.
    central.advanceClock(60);
    const auto issue = [&](const std::string& number, const std::string& when, const std::string& kiosk = "kiosks/KIOSK-TEST-01") {
      return central.post("/v1/queue-tickets/" + number + "/issue", json{{"day", day}, {"issuedAt", when}}.dump(), {}, kiosk);
    };
    const auto at = next.json()["issuedAt"].get<std::string>();
    auto claimed = issue("A003", at);
    REQUIRE_MESSAGE(claimed.status == 200, claimed.body);
    CHECK(claimed.json()["service"] == "retirement_claim");
    CHECK(claimed.json()["peopleAhead"] == 1);   // A001; A005 was issued in the same second, but after
    CHECK(issue("A003", at).json() == claimed.json());   // resent by the outbox: same answer
    CHECK(issue("A004", at, "kiosks/KIOSK-DEMO-02").code() == "conflict");   // not its reservation
    CHECK(issue("A005", at).code() == "conflict");                           // never reserved
    CHECK(issue("A777", at).status == 404);
    CHECK(issue("a003", at).code() == "invalid-field");
    CHECK(issue("A004", "yesterday at noon").code() == "invalid-field");
    // A kiosk clock far in the future is held to the server's now.
    auto late = issue("A004", "2099-01-01T00:00:00Z");
    REQUIRE(late.status == 200);
    CHECK(late.json()["issuedAt"].get<std::string>() < "2099");
    CHECK(central.count("SELECT COUNT(*) FROM queue_tickets WHERE state = 'reserved'") == 1);   // A002

    CHECK(central.post("/v1/queue-tickets/reservations", R"({"service":"retirement_claim","count":21})").code() ==
          "invalid-field");
    CHECK(central.post("/v1/queue-tickets/reservations", R"({"service":"change_phone","count":2})").code() ==
          "invalid-field");
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
