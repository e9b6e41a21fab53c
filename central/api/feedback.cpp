// POST /v1/ratings: a five-level satisfaction rating keyed to an acceptance number (a
// dissatisfied rating must say why). POST /v1/complaints: complaints and suggestions.
#include <nlohmann/json.hpp>

#include "api/acceptance_number.hpp"
#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/fields.hpp"
#include "api/routes.hpp"
#include "api/secrets.hpp"
#include "api/sessions.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

ApiResponse rate(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto number = f.token("acceptanceNumber", "0123456789", 16, 16);
  const auto level = f.integer("level", 1, 5);   // 5 very satisfied … 1 very dissatisfied
  const auto reason = f.text("reason", 200, false);
  if (f.ok() && !isWellFormedAcceptanceNumber(number)) f.fail("acceptanceNumber", "check digit does not match");
  if (!f.ok()) return toResponse(*f.problem());
  if (level <= 2 && reason.empty()) return toResponse(problems::ratingReasonRequired());
  const auto now = env.now();
  return withConnection(env, "rating", [&](store::Connection& c) -> ApiResponse {
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "rating");
    auto known = c.query("SELECT 1 FROM applications WHERE acceptance_number = ?", {number});
    if (!known) return storageFailure(known.error(), "rating");
    if (known->empty()) return toResponse(problems::acceptanceNumberUnknown());
    auto rated = c.query("SELECT 1 FROM ratings WHERE acceptance_number = ?", {number});
    if (!rated) return storageFailure(rated.error(), "rating");
    if (!rated->empty()) return toResponse(problems::alreadyRated());
    auto inserted = c.execute("INSERT INTO ratings (acceptance_number, level, reason, kiosk_id, at) VALUES (?, ?, ?, ?, ?)",
                              {number, level, reason, request.caller.id, now});
    if (!inserted) {
      if (inserted.error().kind == store::DbError::Kind::UniqueViolation) return toResponse(problems::alreadyRated());
      return storageFailure(inserted.error(), "rating");
    }
    auto audited = appendAudit(c, now, auditBy(request.caller, "rating.recorded", number, std::to_string(level)));
    if (!audited) return storageFailure(audited.error(), "audit");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "rating commit");
    return jsonResponse(201, json{{"acceptanceNumber", number}, {"level", level}}.dump());
  });
}

ApiResponse complain(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto category = f.oneOf("category", {"complaint", "suggestion"});
  const auto text = f.text("text", 500);
  const auto number = f.token("acceptanceNumber", "0123456789", 16, 16, false);
  if (f.ok() && !number.empty() && !isWellFormedAcceptanceNumber(number))
    f.fail("acceptanceNumber", "check digit does not match");
  if (!f.ok()) return toResponse(*f.problem());
  const auto now = env.now();
  return withConnection(env, "complaint", [&](store::Connection& c) -> ApiResponse {
    // A complaint may be anonymous; when a session is presented it is linked to the citizen.
    std::optional<std::string> citizen;
    if (request.header("authorization")) {
      auto s = resolveSession(c, request, now);
      if (auto* p = std::get_if<Problem>(&s)) return toResponse(*p);
      citizen = std::get<CitizenSession>(s).citizenId;
    }
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "complaint");
    const auto id = "FB" + isoDay(localDay(now, env.options.utcOffsetMinutes)).substr(0, 4) + randomDigits(10);
    const std::string stored = number.empty() ? text : "[" + number + "] " + text;
    auto inserted = c.execute(
        "INSERT INTO complaints (id, kiosk_id, citizen_id, category, text, at, state) VALUES (?, ?, ?, ?, ?, ?, 'open')",
        {id, request.caller.id, citizen ? store::Value{*citizen} : store::Value{nullptr}, category, stored, now});
    if (!inserted) return storageFailure(inserted.error(), "complaint");
    auto audited = appendAudit(c, now, auditBy(request.caller, category + ".filed", id));
    if (!audited) return storageFailure(audited.error(), "audit");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "complaint commit");
    return jsonResponse(201, json{{"id", id}, {"category", category}, {"receivedAt", rfc3339(now)}}.dump());
  });
}

}  // namespace

void addFeedbackRoutes(Router& router, ApiEnv& env) {
  router.add("POST", "/v1/ratings", [&env](const ApiRequest& r, const PathParams&) { return rate(env, r); });
  router.add("POST", "/v1/complaints", [&env](const ApiRequest& r, const PathParams&) { return complain(env, r); });
}

}  // namespace onestop::central::api
