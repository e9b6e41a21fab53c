// GET /v1/progress/{acceptanceNumber}: the state of a filing, for the kiosk's progress
// query (typed in, or scanned from the receipt's QR code). No session needed: the answer
// holds no personal data.
// POST /v1/staff/applications/{acceptanceNumber}/transitions: the back office moves a
// filing on (accepted → in_review → approved / rejected → completed; two-level review
// through first_review_done, see filing_review.hpp).
#include <nlohmann/json.hpp>

#include "api/acceptance_number.hpp"
#include "api/applications.hpp"
#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/fields.hpp"
#include "api/filing_review.hpp"
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

// The reason a move was refused, as problem+json.
Problem refusal(const MoveResult& moved, const std::string& to) {
  switch (moved.outcome) {
    case MoveOutcome::UnknownFiling: return problems::acceptanceNumberUnknown();
    case MoveOutcome::SameReviewer:
      return problems::invalidTransition("the final approval must come from a reviewer other than the first");
    case MoveOutcome::MovedMeanwhile: return problems::invalidTransition("moved by someone else meanwhile");
    case MoveOutcome::NotAllowed:
    case MoveOutcome::Moved: break;
  }
  std::string detail = moved.from + " -> " + to;
  if (needsSecondReview(moved.service) && moved.from == "in_review" && to == "approved")
    detail += " (" + moved.service + " needs first_review_done by one reviewer, then approved by another)";
  return problems::invalidTransition(detail);
}

ApiResponse transition(ApiEnv& env, const ApiRequest& request, const std::string& number) {
  if (auto p = requireStaff(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto to = f.oneOf("to", {"in_review", "first_review_done", "approved", "rejected", "completed"});
  const auto reason = f.text("reason", 200, false);
  if (f.ok() && to == "rejected" && reason.empty()) f.fail("reason", "is required when rejecting");
  if (!f.ok()) return toResponse(*f.problem());
  if (!isWellFormedAcceptanceNumber(number))
    return toResponse(problems::invalidField("acceptanceNumber", "must be 16 digits with a valid check digit"));
  const auto now = env.now();
  return withConnection(env, "transition", [&](store::Connection& c) -> ApiResponse {
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "transition");
    auto moved = moveFiling(c, number, to, request.caller.id, reason, now);
    if (!moved) return storageFailure(moved.error(), "transition");
    if (moved->outcome != MoveOutcome::Moved) return toResponse(refusal(moved.value(), to));
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
