// POST /v1/identify: ID card data (as read by the kiosk's certified reader) or an
// electronic social security card token → a session token bound to the kiosk.
// DELETE /v1/session: the citizen is done; the token dies at once.
#include <nlohmann/json.hpp>

#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/fields.hpp"
#include "api/rate_limit.hpp"
#include "api/routes.hpp"
#include "api/secrets.hpp"
#include "api/sessions.hpp"
#include "core/identity_check.hpp"
#include "core/masking.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

std::optional<core::CardType> cardTypeFrom(std::string_view s) {
  if (s == "mainland") return core::CardType::Mainland;
  if (s == "hmtPermit") return core::CardType::HmtPermit;
  if (s == "foreign2017") return core::CardType::Foreign2017;
  if (s == "foreign2023") return core::CardType::Foreign2023;
  return std::nullopt;
}

struct CardInput {
  core::Identity identity;
  std::string typeName;
};

// Reads and checks the card fields; the identity check is the same code the kiosk runs.
std::variant<CardInput, Problem> readCard(const json& card, std::chrono::year_month_day today) {
  Fields f(card, "card");
  CardInput in;
  in.typeName = f.oneOf("type", {"mainland", "hmtPermit", "foreign2017", "foreign2023"});
  in.identity.idNumber = f.token("idNumber", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 15, 18);  // 2017 foreign cards: CAN110085010110
  in.identity.name = f.text("name", 40);
  in.identity.englishName = f.text("englishName", 120, false);
  in.identity.nationality = f.token("nationality", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3, 3, false);
  in.identity.genderCode = static_cast<int>(f.integer("gender", 0, 9));
  const auto birth = f.text("birthDate", 10);
  const auto from = f.text("validFrom", 10);
  const auto to = f.text("validTo", 10);
  if (!f.ok()) return *f.problem();
  in.identity.cardType = *cardTypeFrom(in.typeName);
  auto b = parseIsoDay(birth), vf = parseIsoDay(from);
  if (!b) return problems::invalidField("card.birthDate", "must be YYYY-MM-DD");
  if (!vf) return problems::invalidField("card.validFrom", "must be YYYY-MM-DD");
  in.identity.birthDate = *b;
  in.identity.validFrom = *vf;
  if (to != "long-term") {
    auto vt = parseIsoDay(to);
    if (!vt) return problems::invalidField("card.validTo", "must be YYYY-MM-DD or \"long-term\"");
    in.identity.validTo = *vt;
  }
  const auto check = core::checkIdentity(in.identity, today);
  if (!check.ok()) return problems::identityRejected(core::identityCheckKey(check));
  return in;
}

struct Found {
  std::string citizenId, name, idNumber, cardStatus;
};

ApiResponse identify(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto method = f.oneOf("method", {"id_card", "essc"});
  if (!f.ok()) return toResponse(*f.problem());
  const auto now = env.now();

  return withConnection(env, "identify", [&](store::Connection& c) -> ApiResponse {
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "identify");
    auto rate = hitRateLimit(c, "identify:" + request.caller.id, now, env.options.identifyPerMinute);
    if (!rate) return storageFailure(rate.error(), "identify rate limit");
    if (!rate->allowed) {
      auto committed = tx.commit();   // the hit still counts
      return toResponse(problems::rateLimited(rate->retryAfterSeconds));
    }

    std::optional<Found> found;
    if (method == "id_card") {
      const auto* card = f.object("card");
      if (!f.ok()) return toResponse(*f.problem());
      auto read = readCard(*card, localDay(now, env.options.utcOffsetMinutes));
      if (auto* p = std::get_if<Problem>(&read)) {
        auto audited = appendAudit(c, now, auditBy(request.caller, "identify.rejected", "-", p->detail));
        if (audited) (void)tx.commit();
        return toResponse(*p);
      }
      auto& in = std::get<CardInput>(read);
      auto rows = c.query("SELECT id, name, id_number, card_status FROM citizens WHERE id_number = ?",
                          {in.identity.idNumber});
      if (!rows) return storageFailure(rows.error(), "identify lookup");
      if (!rows->empty()) {
        const auto& r = rows.value()[0];
        // The name on the chip must be the registered name; a mismatch is a wrong record, not a login.
        if (r.text(1) != in.identity.name) {
          auto audited = appendAudit(c, now, auditBy(request.caller, "identify.name_mismatch", r.text(0)));
          if (audited) (void)tx.commit();
          return toResponse(problems::identityRejected("identity_check.name_mismatch"));
        }
        found = Found{r.text(0), r.text(1), r.text(2), r.text(3)};
      }
    } else {
      const auto token = f.token("token",
                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.", 16, 512);
      if (!f.ok()) return toResponse(*f.problem());
      auto rows = c.query(
          "SELECT c.id, c.name, c.id_number, c.card_status, t.expires_at FROM essc_tokens t "
          "JOIN citizens c ON c.id = t.citizen_id WHERE t.token_hash = ?",
          {sha256Hex(token)});
      if (!rows) return storageFailure(rows.error(), "identify e-SSC lookup");
      if (rows->empty() || rows.value()[0].integer(4) <= now) {
        auto audited = appendAudit(c, now, auditBy(request.caller, "identify.essc_rejected", "-"));
        if (audited) (void)tx.commit();
        return toResponse(problems::tokenInvalid());
      }
      const auto& r = rows.value()[0];
      found = Found{r.text(0), r.text(1), r.text(2), r.text(3)};
    }

    if (!found) {
      auto audited = appendAudit(c, now, auditBy(request.caller, "identify.not_found", "-"));
      if (audited) (void)tx.commit();
      return toResponse(problems::citizenNotFound());
    }
    auto token = openSession(c, found->citizenId, request.caller.id, method, now, env.options.sessionTtlSeconds);
    if (!token) return storageFailure(token.error(), "open session");
    auto audited = appendAudit(c, now, auditBy(request.caller, "identify.ok", found->citizenId, method));
    if (!audited) return storageFailure(audited.error(), "audit");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "identify commit");

    json out = {{"sessionToken", token.value()},
                {"expiresAt", rfc3339(now + env.options.sessionTtlSeconds)},
                {"citizen",
                 {{"name", found->name},
                  {"nameMasked", core::maskName(found->name)},
                  {"idNumberMasked", core::maskIdNumber(found->idNumber)},
                  {"socialSecurityCardStatus", found->cardStatus}}}};
    return jsonResponse(201, out.dump());
  });
}

ApiResponse endSession(ApiEnv& env, const ApiRequest& request) {
  return withConnection(env, "end session", [&](store::Connection& c) -> ApiResponse {
    auto s = resolveSession(c, request, env.now());
    if (auto* p = std::get_if<Problem>(&s)) return toResponse(*p);
    const auto& session = std::get<CitizenSession>(s);
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "end session");
    auto gone = c.execute("DELETE FROM sessions WHERE token_hash = ?", {session.tokenHash});
    if (!gone) return storageFailure(gone.error(), "end session");
    auto audited = appendAudit(c, env.now(), auditBy(request.caller, "session.ended", session.citizenId));
    if (!audited) return storageFailure(audited.error(), "audit");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "end session commit");
    ApiResponse r;
    r.status = 204;
    return r;
  });
}

}  // namespace

void addIdentifyRoutes(Router& router, ApiEnv& env) {
  router.add("POST", "/v1/identify", [&env](const ApiRequest& r, const PathParams&) { return identify(env, r); });
  router.add("DELETE", "/v1/session", [&env](const ApiRequest& r, const PathParams&) { return endSession(env, r); });
}

}  // namespace onestop::central::api
