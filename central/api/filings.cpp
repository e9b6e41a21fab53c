// POST /v1/me/filings: a change filing accepted at the kiosk (front desk accepts, back
// office approves). Idempotent per (kiosk, Idempotency-Key); a card-loss report takes
// effect at once.
#include <nlohmann/json.hpp>

#include "api/applications.hpp"
#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/fields.hpp"
#include "api/filing_details.hpp"
#include "api/idempotency.hpp"
#include "api/idempotent_request.hpp"
#include "api/routes.hpp"
#include "api/sessions.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

// The work, inside runIdempotent's transaction.
store::DbResult<ApiResponse> accept(ApiEnv& env, store::Connection& c, const ApiRequest& request,
                                    const CitizenSession& session, const std::string& service, const json& details,
                                    std::int64_t now) {
  const bool immediate = service == "report_card_loss";
  if (immediate) {
    auto status = c.query("SELECT card_status FROM citizens WHERE id = ?", {session.citizenId});
    if (!status) return status.error();
    if (!status->empty() && status.value()[0].text(0) == "lost")
      return toResponse(problems::conflict("the social security card is already reported lost"));
  }
  auto created = createApplication(c, session.citizenId, service, request.caller.id, "accepted", details.dump(), now,
                                   env.options.utcOffsetMinutes);
  if (!created) return created.error();
  std::string state = "accepted";
  if (immediate) {
    // Loss reports protect the citizen's money: the card is blocked now, not after review.
    auto blocked = c.execute("UPDATE citizens SET card_status = 'lost' WHERE id = ?", {session.citizenId});
    if (!blocked) return blocked.error();
    auto done = recordTransition(c, created->acceptanceNumber, "accepted", "completed", "system", "card blocked", now);
    if (!done) return done.error();
    state = "completed";
  }
  auto audited = appendAudit(c, now, auditBy(request.caller, "filing." + service + ".accepted",
                                             created->acceptanceNumber, "citizen " + session.citizenId));
  if (!audited) return audited.error();
  json out = {{"acceptanceNumber", created->acceptanceNumber},
              {"service", service},
              {"state", state},
              {"acceptedAt", rfc3339(now)},
              {"dueOn", created->dueOn},
              {"timeLimitWorkingDays", created->timeLimitWorkingDays}};
  return jsonResponse(201, out.dump());
}

ApiResponse file(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  const auto key = request.header("idempotency-key");
  if (!key || !isWellFormedIdempotencyKey(*key)) return toResponse(problems::idempotencyKeyRequired());
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto service = f.token("service", "abcdefghijklmnopqrstuvwxyz_", 3, 40);
  const auto* detailsIn = f.object("details");
  if (!f.ok()) return toResponse(*f.problem());
  if (!isFileableService(service)) return toResponse(problems::serviceNotFiled(service));
  const auto now = env.now();
  auto details = validateFilingDetails(service, *detailsIn, isoMonth(localDay(now, env.options.utcOffsetMinutes)));
  if (auto* p = std::get_if<Problem>(&details)) return toResponse(*p);

  return withConnection(env, "filing", [&](store::Connection& c) -> ApiResponse {
    return runIdempotent(env, c, request, *key, now, [&](store::Connection& conn, const CitizenSession& session) {
      return accept(env, conn, request, session, service, std::get<json>(details), now);
    });
  });
}

}  // namespace

void addFilingRoutes(Router& router, ApiEnv& env) {
  router.add("POST", "/v1/me/filings", [&env](const ApiRequest& r, const PathParams&) { return file(env, r); });
}

}  // namespace onestop::central::api
