// Filings: idempotent acceptance (also across a restart), validation that writes nothing,
// card-loss reports that take effect at once, and the back office moving filings on.
#include "central_fixture.hpp"

using namespace onestop::central::test;
using nlohmann::json;

namespace {
httplib::Headers with(httplib::Headers h, const std::string& key) {
  h.emplace("Idempotency-Key", key);
  return h;
}
const std::string kPhone = R"({"service":"change_phone","details":{"phone":"13912345678"}})";
}  // namespace

TEST_CASE("a filing retried with the same key gets one acceptance number, also after a restart") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto session = TestCentral::bearer(central.sessionFor("worker"));
    auto first = central.post("/v1/me/filings", kPhone, with(session, "retry-key-0001"));
    REQUIRE_MESSAGE(first.status == 201, first.body);
    const auto number = first.json()["acceptanceNumber"].get<std::string>();
    CHECK(number.size() == 16);
    CHECK(first.json()["state"] == "accepted");
    CHECK(first.json()["timeLimitWorkingDays"] == 1);

    auto again = central.post("/v1/me/filings", kPhone, with(session, "retry-key-0001"));
    CHECK(again.status == 201);
    CHECK(again.json()["acceptanceNumber"] == number);
    CHECK(again.headers.find("Idempotent-Replayed") != again.headers.end());

    central.restart();
    again = central.post("/v1/me/filings", kPhone, with(session, "retry-key-0001"));
    CHECK(again.status == 201);
    CHECK(again.json()["acceptanceNumber"] == number);

    // Days later, from the kiosk's outbox: the session is long gone, the answer is not.
    central.advanceClock(3 * 86400);
    again = central.post("/v1/me/filings", kPhone, with(session, "retry-key-0001"));
    CHECK(again.status == 201);
    CHECK(again.json()["acceptanceNumber"] == number);
    // …but nothing new is accepted without a live session.
    CHECK(central.post("/v1/me/filings", kPhone, with(session, "retry-key-0002")).code() == "session-expired");
    CHECK(central.count("SELECT COUNT(*) FROM applications") == 1);

    // Same key, different body → 422; another kiosk's same key is its own.
    auto other = central.post("/v1/me/filings", R"({"service":"change_phone","details":{"phone":"13900000000"}})",
                              with(session, "retry-key-0001"));
    CHECK(other.status == 422);
    CHECK(other.code() == "idempotency-key-reused");

  }
}

TEST_CASE("a filing in flight answers 409, one abandoned by a crashed instance can be taken over") {
  TestCentral central(Backend::Sqlite);
  const auto session = TestCentral::bearer(central.sessionFor("worker"));
  auto first = central.post("/v1/me/filings", kPhone, with(session, "earlier-0001"));
  REQUIRE(first.status == 201);
  // Another instance claimed "crashed-0001" for the same request and has not finished.
  {
    auto lease = central.database().acquire();
    REQUIRE(lease.ok());
    REQUIRE(lease.value()->execute(
        "INSERT INTO idempotency_keys (kiosk_id, key, request_hash, state, created_at) "
        "SELECT kiosk_id, 'crashed-0001', request_hash, 'in_flight', ? FROM idempotency_keys WHERE key = 'earlier-0001'",
        {central.now()}).ok());
  }
  auto r = central.post("/v1/me/filings", kPhone, with(session, "crashed-0001"));
  CHECK(r.status == 409);
  CHECK(r.code() == "idempotency-in-flight");
  CHECK(r.headers.find("Retry-After") != r.headers.end());
  // That instance died: after a minute the claim is stale and the retry goes through, once.
  central.advanceClock(120);
  r = central.post("/v1/me/filings", kPhone, with(session, "crashed-0001"));
  REQUIRE_MESSAGE(r.status == 201, r.body);
  auto replay = central.post("/v1/me/filings", kPhone, with(session, "crashed-0001"));
  CHECK(replay.json()["acceptanceNumber"] == r.json()["acceptanceNumber"]);
  CHECK(central.count("SELECT COUNT(*) FROM applications") == 2);
}

TEST_CASE("invalid filings are refused and write nothing") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto session = TestCentral::bearer(central.sessionFor("worker"));
    CHECK(central.post("/v1/me/filings", kPhone, session).code() == "idempotency-key-required");
    CHECK(central.post("/v1/me/filings", kPhone, with(session, "short")).code() == "idempotency-key-required");
    CHECK(central.post("/v1/me/filings", kPhone, with({}, "no-session-01")).code() == "session-required");
    const std::pair<const char*, const char*> bad[] = {
        {R"({"service":"change_phone","details":{"phone":"12345"}})", "invalid-field"},
        {R"({"service":"change_phone","details":{"phone":"10912345678"}})", "invalid-field"},
        {R"({"service":"change_address","details":{"address":"x"}})", "invalid-field"},
        {R"({"service":"change_bank_account","details":{"bankName":"测试银行","accountNumber":"6222000000000001"}})", "invalid-field"},
        {R"({"service":"flexible_employment","details":{"startMonth":"1999-01","baseFen":500000}})", "invalid-field"},
        {R"({"service":"retirement_claim","details":{}})", "service-not-fileable"},
        {R"({"service":"change_phone"})", "invalid-field"},
        {R"({"service":"change_phone","details":"13912345678"})", "invalid-field"},
    };
    int i = 0;
    for (const auto& [body, code] : bad) {
      CAPTURE(body);
      const auto r = central.post("/v1/me/filings", body, with(session, "bad-key-000" + std::to_string(i++)));
      CHECK(r.status == 400);
      CHECK(r.code() == code);
    }
    CHECK(central.count("SELECT COUNT(*) FROM applications") == 0);
    CHECK(central.count("SELECT COUNT(*) FROM idempotency_keys") == 0);
  }
}

TEST_CASE("card loss takes effect at once, the back office moves a change filing to completion") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto session = TestCentral::bearer(central.sessionFor("flexible"));
    auto loss = central.post("/v1/me/filings", R"({"service":"report_card_loss","details":{}})", with(session, "loss-0001"));
    REQUIRE_MESSAGE(loss.status == 201, loss.body);
    CHECK(loss.json()["state"] == "completed");
    CHECK(central.count("SELECT COUNT(*) FROM citizens WHERE card_status = 'lost'") == 1);
    auto twice = central.post("/v1/me/filings", R"({"service":"report_card_loss","details":{}})", with(session, "loss-0002"));
    CHECK(twice.status == 409);

    auto filed = central.post("/v1/me/filings", R"({"service":"change_address","details":{"address":"浙江省杭州市西湖区测试路䶮𠈌巷8号"}})",
                              with(session, "addr-0001"));
    REQUIRE(filed.status == 201);
    const auto number = filed.json()["acceptanceNumber"].get<std::string>();
    auto progress = central.get("/v1/progress/" + number);
    REQUIRE(progress.status == 200);
    CHECK(progress.json()["state"] == "accepted");
    CHECK(progress.json().dump().find("测试") == std::string::npos);   // no personal data

    const auto staff = [&](const std::string& to, const std::string& reason = "") {
      return central.post("/v1/staff/applications/" + number + "/transitions",
                          json{{"to", to}, {"reason", reason}}.dump(), {}, "staff/STAFF-DEMO-01");
    };
    CHECK(staff("completed").status == 409);   // not approved yet
    CHECK(central.post("/v1/staff/applications/" + number + "/transitions", R"({"to":"in_review"})").status == 403);
    CHECK(staff("in_review").status == 200);
    CHECK(staff("rejected").code() == "invalid-field");   // a rejection needs a reason
    CHECK(staff("approved").status == 200);
    CHECK(staff("completed").status == 200);
    CHECK(central.count("SELECT COUNT(*) FROM citizens WHERE address = ?", {std::string("浙江省杭州市西湖区测试路䶮𠈌巷8号")}) == 1);
    progress = central.get("/v1/progress/" + number);
    CHECK(progress.json()["state"] == "completed");
    CHECK(progress.json()["history"].size() == 4);

    CHECK(central.get("/v1/progress/2026010112345670").code() != "");
    std::string unknown = number;
    unknown[10] = unknown[10] == '0' ? '1' : '0';   // breaks the check digit
    CHECK(central.get("/v1/progress/" + unknown).status == 400);
    auto apps = central.get("/v1/me/applications", session);
    CHECK(apps.json()["applications"].size() == 2);
  }
}
