// POST /v1/certificates/{serial}/print-outcome: the issuing kiosk says whether the paper
// came out. "printed" records when; "not_printed" (the citizen left after a failed print,
// or before printing) voids it — the certificate is revoked with that reason, so a partial
// page cannot pass as genuine, and its application is removed: nothing stays recorded as
// issued that was never printed. Sent through the kiosk's outbox, so retried; repeating an
// outcome is answered as before, the opposite outcome afterwards is a conflict.
#include <nlohmann/json.hpp>

#include "api/audit_trail.hpp"
#include "api/fields.hpp"
#include "api/routes.hpp"
#include "api/sessions.hpp"
#include "seal/seal.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

constexpr const char* kVoidReason = "not printed at the kiosk (void)";

ApiResponse answer(const std::string& serial, const std::string& outcome) {
  return jsonResponse(200, json{{"serial", serial}, {"outcome", outcome}}.dump());
}

ApiResponse printOutcome(ApiEnv& env, const ApiRequest& request, const std::string& serial) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto outcome = f.oneOf("outcome", {"printed", "not_printed"});
  if (!f.ok()) return toResponse(*f.problem());
  if (!seal::isValidSerial(serial)) return toResponse(problems::certificateNotFound());
  const auto now = env.now();
  return withConnection(env, "certificate print outcome", [&](store::Connection& c) -> ApiResponse {
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "certificate print outcome");
    // Another kiosk's certificate is not this kiosk's to report: as if unknown.
    auto rows = c.query(
        "SELECT printed_at, revoked_at, revoke_reason, acceptance_number FROM certificates WHERE serial = ? AND kiosk_id = ?",
        {serial, request.caller.id});
    if (!rows) return storageFailure(rows.error(), "certificate print outcome");
    if (rows->empty()) return toResponse(problems::certificateNotFound());
    const auto& row = rows.value()[0];
    const bool printed = !row.isNull(0), revoked = !row.isNull(1);
    const bool voided = revoked && row.text(2) == kVoidReason;
    if (outcome == "printed") {
      if (printed) return answer(serial, outcome);
      if (voided) return toResponse(problems::conflict("certificate was reported not printed and is void"));
      auto r = c.execute("UPDATE certificates SET printed_at = ? WHERE serial = ?", {now, serial});
      if (!r) return storageFailure(r.error(), "certificate print outcome");
    } else {
      if (voided) return answer(serial, outcome);
      if (printed) return toResponse(problems::conflict("certificate was reported printed"));
      auto r = c.execute("UPDATE certificates SET revoked_at = ?, revoke_reason = ? WHERE serial = ?",
                         {now, kVoidReason, serial});
      if (!r) return storageFailure(r.error(), "certificate void");
      const std::string number = row.text(3);
      for (const char* sql : {"DELETE FROM application_events WHERE acceptance_number = ?",
                              "DELETE FROM applications WHERE acceptance_number = ?"}) {
        auto d = c.execute(sql, {number});
        if (!d) return storageFailure(d.error(), "certificate void");
      }
    }
    auto audited = appendAudit(c, now, auditBy(request.caller, "certificate." + outcome, serial));
    if (!audited) return storageFailure(audited.error(), "audit");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "certificate print outcome commit");
    return answer(serial, outcome);
  });
}

}  // namespace

void addPrintOutcomeRoutes(Router& router, ApiEnv& env) {
  router.add("POST", "/v1/certificates/{serial}/print-outcome", [&env](const ApiRequest& r, const PathParams& p) {
    return printOutcome(env, r, p.at("serial"));
  });
}

}  // namespace onestop::central::api
