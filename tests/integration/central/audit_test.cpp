// The audit log: every personal-data read and state change, hash-chained, no ID numbers.
#include "api/audit_trail.hpp"
#include "central_fixture.hpp"

using namespace onestop::central::test;
using nlohmann::json;

TEST_CASE("the audit chain is intact after real traffic and detects an edited or deleted entry") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto session = TestCentral::bearer(central.sessionFor("worker"));
    REQUIRE(central.get("/v1/me/contributions", session).status == 200);
    REQUIRE(central.post("/v1/me/filings", R"({"service":"change_phone","details":{"phone":"13912345678"}})",
                         {{"Authorization", session.begin()->second}, {"Idempotency-Key", "audit-key-01"}})
                .status == 201);
    REQUIRE(central.post("/v1/me/certificates", R"({"type":"participation"})", session).status == 201);
    REQUIRE(central.post("/v1/identify", json{{"method", "id_card"}, {"card", TestCentral::cardOf("not-in-system")}}.dump())
                .status == 404);
    const auto entries = central.count("SELECT COUNT(*) FROM audit_log");
    CHECK(entries >= 5);

    // No ID number, name or phone number of anyone in any audit column.
    for (const auto* key : {"worker", "not-in-system"}) {
      const auto card = TestCentral::cardOf(key);
      for (const auto& value : {card["idNumber"].get<std::string>(), card["name"].get<std::string>()}) {
        CHECK(central.count("SELECT COUNT(*) FROM audit_log WHERE subject LIKE ? OR detail LIKE ? OR actor_id LIKE ?",
                            {"%" + value + "%", "%" + value + "%", "%" + value + "%"}) == 0);
      }
    }
    CHECK(central.count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%13912345678%'") == 0);

    auto lease = central.database().acquire();
    REQUIRE(lease.ok());
    auto& c = *lease.value();
    auto report = onestop::central::api::verifyAuditChain(c);
    REQUIRE(report.ok());
    CHECK(report->intact);
    CHECK(report->entries == entries);

    REQUIRE(c.execute("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 2").ok());
    report = onestop::central::api::verifyAuditChain(c);
    REQUIRE(report.ok());
    CHECK_FALSE(report->intact);
    CHECK(report->brokenAtSeq == 2);
  }
}

TEST_CASE("a deleted audit entry is detected") {
  TestCentral central(Backend::Sqlite);
  for (int i = 0; i < 3; ++i) central.sessionFor("worker");
  auto lease = central.database().acquire();
  REQUIRE(lease.ok());
  REQUIRE(lease.value()->execute("DELETE FROM audit_log WHERE seq = 2").ok());
  auto report = onestop::central::api::verifyAuditChain(*lease.value());
  REQUIRE(report.ok());
  CHECK_FALSE(report->intact);
  CHECK(report->brokenAtSeq == 2);
}
