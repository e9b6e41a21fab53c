// POST /v1/identify and DELETE /v1/session: who is let in, and for how long.
#include "central_fixture.hpp"
#include "demo/essc_token.hpp"

using namespace onestop::central::test;
using nlohmann::json;

namespace {
json byCard(const json& card) { return json{{"method", "id_card"}, {"card", card}}; }
}  // namespace

TEST_CASE("identify by ID card, by e-SSC token, refusals say why and write no session") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    for (const auto* key : {"worker", "rare-name", "retiree", "foreign-2017", "foreign-2023", "hmt-permit"}) {
      CAPTURE(key);
      const auto r = central.post("/v1/identify", byCard(TestCentral::cardOf(key)).dump());
      REQUIRE_MESSAGE(r.status == 201, r.body);
      const auto j = r.json();
      CHECK(j["sessionToken"].get<std::string>().size() >= 40);
      CHECK(j["citizen"]["name"] == TestCentral::cardOf(key)["name"]);
      CHECK(j["citizen"]["idNumberMasked"].get<std::string>().find('*') != std::string::npos);
    }
    const auto sessions = central.count("SELECT COUNT(*) FROM sessions");
    CHECK(sessions == 6);

    auto r = central.post("/v1/identify", byCard(TestCentral::cardOf("not-in-system")).dump());
    CHECK(r.status == 404);
    CHECK(r.code() == "citizen-not-found");
    r = central.post("/v1/identify", byCard(TestCentral::cardOf("expired")).dump());
    CHECK(r.status == 422);
    CHECK(r.code() == "identity-rejected");
    CHECK(r.json()["detail"] == "identity_check.expired");
    r = central.post("/v1/identify", byCard(TestCentral::cardOf("bad-check")).dump());
    CHECK(r.status == 422);
    auto wrongName = TestCentral::cardOf("worker");
    wrongName["name"] = "测试别人";
    r = central.post("/v1/identify", byCard(wrongName).dump());
    CHECK(r.status == 422);
    CHECK(r.json()["detail"] == "identity_check.name_mismatch");
    CHECK(central.count("SELECT COUNT(*) FROM sessions") == sessions);

    // The e-SSC token of the demo worker (docs/demo-data.md) logs in; a made-up one does not.
    const auto essc = central.post("/v1/identify",
                                   json{{"method", "essc"}, {"token", onestop::central::demo::demoEsscToken("worker")}}.dump());
    REQUIRE_MESSAGE(essc.status == 201, essc.body);
    CHECK(essc.json()["citizen"]["name"] == TestCentral::cardOf("worker")["name"]);
    const auto token = central.post("/v1/identify", R"({"method":"essc","token":"ESSC1.DOESNOTEXIST0000000000000000000"})");
    CHECK(token.status == 422);
    CHECK(token.code() == "essc-token-invalid");
  }
}

TEST_CASE("identify is rate-limited per kiosk, with Retry-After") {
  onestop::central::api::ApiOptions options;
  options.identifyPerMinute = 3;
  TestCentral central(Backend::Sqlite, options);
  const auto body = byCard(TestCentral::cardOf("worker")).dump();
  int created = 0, limited = 0;
  for (int i = 0; i < 8; ++i) {
    const auto r = central.post("/v1/identify", body);
    if (r.status == 201) ++created;
    if (r.status == 429) {
      ++limited;
      CHECK(r.code() == "rate-limited");
      CHECK(!r.headers.find("Retry-After")->second.empty());
    }
  }
  // The loop may straddle a minute boundary: at most 3 per window, so at most 6 of 8.
  CHECK(created >= 3);
  CHECK(created <= 6);
  CHECK(created + limited == 8);
  // Another kiosk is not affected.
  CHECK(central.post("/v1/identify", body, {}, "kiosks/KIOSK-DEMO-02").status == 201);
}

TEST_CASE("a session works only at its kiosk, ends on request and expires") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto token = central.sessionFor("worker");
    CHECK(central.get("/v1/me/participation", TestCentral::bearer(token)).status == 200);
    auto r = central.get("/v1/me/participation", TestCentral::bearer(token), "kiosks/KIOSK-DEMO-02");
    CHECK(r.status == 401);
    CHECK(r.code() == "session-invalid");
    r = central.get("/v1/me/participation");
    CHECK(r.status == 401);
    CHECK(r.code() == "session-required");
    r = central.get("/v1/me/participation", TestCentral::bearer("forged-token-forged-token-forged-token-0000"));
    CHECK(r.code() == "session-invalid");

    CHECK(central.del("/v1/session", TestCentral::bearer(token)).status == 204);
    CHECK(central.get("/v1/me/participation", TestCentral::bearer(token)).status == 401);

    const auto later = central.sessionFor("worker");
    central.advanceClock(16 * 60);
    r = central.get("/v1/me/participation", TestCentral::bearer(later));
    CHECK(r.status == 401);
    CHECK(r.code() == "session-expired");
  }
}
