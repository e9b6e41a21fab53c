// The citizen's own records through a session; every read is audited.
#include "central_fixture.hpp"

using namespace onestop::central::test;
using nlohmann::json;

TEST_CASE("records: participation, contributions by year, pension account, benefits, applications") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto worker = TestCentral::bearer(central.sessionFor("worker"));

    auto r = central.get("/v1/me/participation", worker);
    REQUIRE(r.status == 200);
    const auto participations = r.json()["participations"];
    CHECK(participations.size() == 5);
    for (const auto& p : participations) {
      CHECK(p["status"] == "active");
      CHECK(!p["history"].empty());
    }

    r = central.get("/v1/me/contributions", worker);
    REQUIRE(r.status == 200);
    auto j = r.json();
    REQUIRE(!j["years"].empty());
    CHECK(j["year"] == j["years"].back());   // the latest year by default
    const int earlier = j["years"][0].get<int>();
    r = central.get("/v1/me/contributions?year=" + std::to_string(earlier), worker);
    REQUIRE(r.status == 200);
    j = r.json();
    REQUIRE(!j["months"].empty());
    for (const auto& m : j["months"]) {
      CHECK(m["month"].get<std::string>().rfind(std::to_string(earlier), 0) == 0);
      for (const auto& item : m["items"]) {
        CHECK(item["baseFen"].get<std::int64_t>() > 0);
        CHECK(item["employerFen"].get<std::int64_t>() >= 0);
      }
    }
    CHECK(j["pensionPaidMonthsAllYears"] == 212);   // people.json: paidMonths
    r = central.get("/v1/me/contributions?year=20x5", worker);
    CHECK(r.status == 400);

    r = central.get("/v1/me/pension-account", worker);
    REQUIRE(r.status == 200);
    CHECK(r.json()["balanceFen"].get<std::int64_t>() == 8642055);   // people.json: 86420.55
    CHECK(!r.json()["years"].empty());

    r = central.get("/v1/me/benefits", worker);
    REQUIRE(r.status == 200);
    CHECK(r.json()["payments"].empty());
    const auto retiree = TestCentral::bearer(central.sessionFor("retiree"));
    r = central.get("/v1/me/benefits", retiree);
    REQUIRE(r.status == 200);
    REQUIRE(!r.json()["payments"].empty());
    CHECK(r.json()["payments"][0]["amountFen"] == 423680);   // people.json: 4236.8 a month

    r = central.get("/v1/me/applications", worker);
    REQUIRE(r.status == 200);
    CHECK(r.json()["applications"].empty());

    const auto arrears = TestCentral::bearer(central.sessionFor("arrears"));
    r = central.get("/v1/me/contributions", arrears);
    REQUIRE(r.status == 200);
    CHECK(r.json()["yearTotals"]["arrearsMonths"].get<int>() > 0);

    // Each read left an audit entry naming the kiosk and the internal citizen id.
    CHECK(central.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'records.%'") == 8);
    CHECK(central.count("SELECT COUNT(*) FROM audit_log WHERE actor_id = 'KIOSK-TEST-01' AND subject LIKE 'C%'") >= 8);
  }
}

TEST_CASE("profile: what a change would replace, masked, and the changes still being handled") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto worker = TestCentral::bearer(central.sessionFor("worker"));
    auto r = central.get("/v1/me/profile", worker);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    auto j = r.json();
    CHECK(j["phoneMasked"] == "138****0001");                        // people.json: 13800000001
    CHECK(j["addressMasked"] == "北京市朝阳区测试****");              // region + two of the street
    CHECK(j["bankAccountMasked"].get<std::string>().rfind("****", 0) == 0);
    CHECK(j["bankAccountMasked"].get<std::string>().size() == 8);
    CHECK(j["socialSecurityCardStatus"] == "normal");
    CHECK(j["pendingChanges"].empty());
    CHECK(r.body.find("13800000001") == std::string::npos);

    auto headers = worker;
    headers.emplace("Idempotency-Key", "profile-0001");
    auto filed = central.post("/v1/me/filings", R"({"service":"change_phone","details":{"phone":"13912345678"}})",
                              headers);
    REQUIRE_MESSAGE(filed.status == 201, filed.body);
    j = central.get("/v1/me/profile", worker).json();
    REQUIRE(j["pendingChanges"].size() == 1);
    CHECK(j["pendingChanges"][0]["service"] == "change_phone");
    CHECK(j["pendingChanges"][0]["state"] == "accepted");
    CHECK(j["pendingChanges"][0]["acceptanceNumber"] == filed.json()["acceptanceNumber"]);
    CHECK(j["phoneMasked"] == "138****0001");   // unchanged until the back office completes it

    // A person with nothing on record for a field gets null, not an empty mask.
    const auto foreign = TestCentral::bearer(central.sessionFor("foreign-2017"));
    j = central.get("/v1/me/profile", foreign).json();
    CHECK(j["addressMasked"].is_null());
    CHECK(central.count("SELECT COUNT(*) FROM audit_log WHERE action = 'records.profile.read'") == 3);
  }
}
