#include <doctest/doctest.h>

#include "api/audit_trail.hpp"
#include "audit/audit_entry.hpp"

using onestop::central::api::auditableId;

TEST_CASE("caller ids that are not printable ASCII still make valid audit entries") {
  CHECK(auditableId("KIOSK-DEMO-01") == "KIOSK-DEMO-01");
  CHECK(auditableId("KIOS\xE3-DEMO") == "KIOS%E3-DEMO");
  CHECK(auditableId("朝阳 1") == "%E6%9C%9D%E9%98%B3%201");
  CHECK(auditableId("") == "-");
  CHECK(auditableId(std::string(200, 'A')).size() == 64);
  onestop::central::audit::AuditEntry e;
  e.actorId = auditableId("大厅\x01");
  e.action = "records.read";
  e.subject = "C000001";
  const auto entry = onestop::central::audit::chainAfter(nullptr, e);
  const auto problem = onestop::central::audit::checkEntry(entry);
  CHECK_MESSAGE(!problem.has_value(), problem.value_or(""));
}
