// GET /v1/progress/{acceptanceNumber}: the state of a filing, for the kiosk's progress
// query (typed in, or scanned from the receipt's QR code). No session needed: the answer
// holds no personal data.
// POST /v1/staff/applications/{acceptanceNumber}/transitions: the back office moves a
// filing on (accepted → in_review → approved / rejected → completed).
#include <nlohmann/json.hpp>

#include "api/acceptance_number.hpp"
#include "api/applications.hpp"
#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/fields.hpp"
#include "api/routes.hpp"
#include "api/sessions.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

ApiResponse progress(ApiEnv& env, const ApiRequest& request, const std::string& number) {
  if (request.caller.kind == Caller::Kind::None) return toResponse(problems::kioskCertificateRequired());
  if (!isWellFormedAcceptanceNumber(number))
    return toResponse(problems::invalidField("acceptanceNumber", "must be 16 digits with a valid check digit"));
  return withConnection(env, "progress", [&](store::Connection& c) -> ApiResponse {
    auto rows = c.query(
        "SELECT service_id, state, reason, accepted_at, due_on, updated_at FROM applications "
        "WHERE acceptance_number = ?",
        {number});
    if (!rows) return storageFailure(rows.error(), "progress");
    if (rows->empty()) return toResponse(problems::acceptanceNumberUnknown());
    auto events = c.query("SELECT state, at FROM application_events WHERE acceptance_number = ? ORDER BY seq",
                          {number});
    if (!events) return storageFailure(events.error(), "progress events");
    json history = json::array();
    for (const auto& e : events->rows) history.push_back({{"state", e.text(0)}, {"at", rfc3339(e.integer(1))}});
    const auto& r = rows.value()[0];
    json out = {{"acceptanceNumber", number}, {"service", r.text(0)},   {"state", r.text(1)},
                {"reason", r.text(2)},        {"acceptedAt", rfc3339(r.integer(3))},
                {"dueOn", r.text(4)},         {"updatedAt", rfc3339(r.integer(5))},
                {"history", history}};
    return jsonResponse(200, out.dump());
  });
}

bool allowedTransition(std::string_view from, std::string_view to) {
  return (from == "accepted" && to == "in_review") || (from == "in_review" && (to == "approved" || to == "rejected")) ||
         (from == "approved" && to == "completed");
}

// On completion the approved change is applied to the record.
store::DbResult<store::Done> applyChange(store::Connection& c, const std::string& citizenId,
                                         const std::string& service, const json& details) {
  if (!details.is_object()) return store::DbError{store::DbError::Kind::Other, "stored filing details unreadable"};
  store::DbResult<std::int64_t> r = std::int64_t{0};
  if (service == "change_phone")
    r = c.execute("UPDATE citizens SET phone = ? WHERE id = ?", {details.value("phone", ""), citizenId});
  else if (service == "change_address")
    r = c.execute("UPDATE citizens SET address = ? WHERE id = ?", {details.value("address", ""), citizenId});
  else if (service == "change_bank_account")
    r = c.execute("UPDATE citizens SET bank_account = ? WHERE id = ?", {details.value("accountNumber", ""), citizenId});
  if (!r) return r.error();
  return store::Done{};
}

ApiResponse transition(ApiEnv& env, const ApiRequest& request, const std::string& number) {
  if (auto p = requireStaff(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto to = f.oneOf("to", {"in_review", "approved", "rejected", "completed"});
  const auto reason = f.text("reason", 200, false);
  if (f.ok() && to == "rejected" && reason.empty()) f.fail("reason", "is required when rejecting");
  if (!f.ok()) return toResponse(*f.problem());
  if (!isWellFormedAcceptanceNumber(number))
    return toResponse(problems::invalidField("acceptanceNumber", "must be 16 digits with a valid check digit"));
  const auto now = env.now();
  return withConnection(env, "transition", [&](store::Connection& c) -> ApiResponse {
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "transition");
    auto rows = c.query("SELECT state, citizen_id, service_id, details FROM applications WHERE acceptance_number = ?",
                        {number});
    if (!rows) return storageFailure(rows.error(), "transition");
    if (rows->empty()) return toResponse(problems::acceptanceNumberUnknown());
    const auto from = rows.value()[0].text(0);
    if (!allowedTransition(from, to)) return toResponse(problems::invalidTransition(from + " -> " + to));
    auto moved = recordTransition(c, number, from, to, request.caller.id, reason, now);
    if (!moved) return storageFailure(moved.error(), "transition");
    if (!moved.value()) return toResponse(problems::invalidTransition("moved by someone else meanwhile"));
    if (to == "completed") {
      const auto details = json::parse(rows.value()[0].text(3), nullptr, false);
      auto applied = applyChange(c, rows.value()[0].text(1), rows.value()[0].text(2), details);
      if (!applied) return storageFailure(applied.error(), "apply change");
    }
    auto audited = appendAudit(c, now, auditBy(request.caller, "filing." + to, number));
    if (!audited) return storageFailure(audited.error(), "audit");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "transition commit");
    return jsonResponse(200, json{{"acceptanceNumber", number}, {"state", to}}.dump());
  });
}

}  // namespace

void addProgressRoutes(Router& router, ApiEnv& env) {
  router.add("GET", "/v1/progress/{acceptanceNumber}", [&env](const ApiRequest& r, const PathParams& p) {
    return progress(env, r, p.at("acceptanceNumber"));
  });
  router.add("POST", "/v1/staff/applications/{acceptanceNumber}/transitions",
             [&env](const ApiRequest& r, const PathParams& p) { return transition(env, r, p.at("acceptanceNumber")); });
}

}  // namespace onestop::central::api
