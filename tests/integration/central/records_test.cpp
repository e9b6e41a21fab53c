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
