// Certificates: POST /v1/me/certificates issues one over a period of months, or the whole
// record (document data + signed seal + verification code); POST /v1/certificates/verify checks a scanned seal (signature,
// validity, revocation); GET /v1/certificates/by-code/{code} checks a typed code;
// POST /v1/staff/certificates/{serial}/revocation revokes; GET /v1/keys publishes the
// public keys for offline verifiers.
#include <algorithm>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/applications.hpp"
#include "api/audit_trail.hpp"
#include "api/certificate_documents.hpp"
#include "api/certificate_period.hpp"
#include "api/clock.hpp"
#include "api/fields.hpp"
#include "api/idempotency.hpp"
#include "api/idempotent_request.hpp"
#include "api/rate_limit.hpp"
#include "api/routes.hpp"
#include "api/secrets.hpp"
#include "api/sessions.hpp"
#include "core/masking.hpp"
#include "seal/seal.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;
namespace vc = seal::verification_code;

std::string serviceFor(seal::CertificateType type) {
  switch (type) {
    case seal::CertificateType::Participation: return "cert_participation";
    case seal::CertificateType::RightsRecord: return "cert_rights_record";
    case seal::CertificateType::Benefit: return "cert_benefit";
  }
  return "cert_participation";
}

// Issues one certificate inside the caller's transaction (see issue()).
store::DbResult<ApiResponse> issueIn(ApiEnv& env, store::Connection& c, const ApiRequest& request,
                                     const CitizenSession& session, seal::CertificateType type,
                                     const std::string& typeName, const CertificatePeriod& period,
                                     std::int64_t now) {
  auto who = c.query("SELECT name, id_number FROM citizens WHERE id = ?", {session.citizenId});
  if (!who) return who.error();
  if (who->empty()) return toResponse(problems::citizenNotFound());
  const CertificateHolder holder{session.citizenId, who.value()[0].text(0), who.value()[0].text(1)};
  std::string why;
  auto document = buildCertificateDocument(c, holder, type, period, why);
  if (!document) return document.error();
  if (!document.value()) return toResponse(problems::certificateUnavailable(why));

  auto day = isoDay(localDay(now, env.options.utcOffsetMinutes));
  day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
  const auto serial = "ZM" + day + randomDigits(8);
  const auto validUntil = now + std::int64_t{env.options.certificateValidityDays} * 86400;
  json& doc = *document.value();
  doc["serial"] = serial;
  doc["type"] = typeName;
  doc["issuedAt"] = rfc3339(now);
  doc["validUntil"] = rfc3339(validUntil);
  auto digest = seal::digestDocument(flattenDocument(doc));
  if (!digest) return store::DbError{store::DbError::Kind::Other, "certificate document digest: " + digest.error()};
  auto sealed = env.keys.seal({serial, type, validUntil, core::maskName(holder.name),
                               core::maskIdNumber(holder.idNumber), digest.value()},
                              now);
  if (!sealed) return store::DbError{store::DbError::Kind::Other, "certificate sealing: " + sealed.error()};
  std::string code;
  for (int attempt = 0; attempt < 8 && code.empty(); ++attempt) {
    code = vc::generate();
    auto taken = c.query("SELECT 1 FROM certificates WHERE verification_code = ?", {code});
    if (!taken) return taken.error();
    if (!taken->empty()) code.clear();
  }
  if (code.empty()) return store::DbError{store::DbError::Kind::Busy, "no free verification code after 8 draws"};
  auto app = createApplication(c, session.citizenId, serviceFor(type), request.caller.id, "completed", "{}", now,
                               env.options.utcOffsetMinutes);
  if (!app) return app.error();
  auto stored = c.execute(
      "INSERT INTO certificates (serial, verification_code, citizen_id, type, kiosk_id, issued_at, valid_until, "
      "key_id, document, seal, acceptance_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {serial, code, session.citizenId, typeName, request.caller.id, now, validUntil, sealed->payload.kid, doc.dump(),
       sealed->text, app->acceptanceNumber});
  if (!stored) return stored.error();
  auto audited = appendAudit(c, now, auditBy(request.caller, "certificate.issued", serial,
                                             "citizen " + session.citizenId + " type " + typeName));
  if (!audited) return audited.error();
  json out = {{"serial", serial},
              {"type", typeName},
              {"issuedAt", rfc3339(now)},
              {"validUntil", rfc3339(validUntil)},
              {"keyId", sealed->payload.kid},
              {"seal", sealed->text},
              {"verificationCode", code},
              {"verificationCodePrinted", vc::formatForPrint(code)},
              {"acceptanceNumber", app->acceptanceNumber},
              {"document", doc}};
  return jsonResponse(201, out.dump());
}

// An Idempotency-Key is optional here: with one, a retry after a lost response returns the
// certificate already issued instead of issuing a second.
ApiResponse issue(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  const auto key = request.header("idempotency-key");
  if (key && !isWellFormedIdempotencyKey(*key)) return toResponse(problems::idempotencyKeyRequired());
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto typeName = f.oneOf("type", {"participation", "rights_record", "benefit"});
  if (!f.ok()) return toResponse(*f.problem());
  const auto type = *seal::certificateTypeFromName(typeName);
  const auto now = env.now();
  CertificatePeriod period;
  if (auto p = readCertificatePeriod(body, isoMonth(localDay(now, env.options.utcOffsetMinutes)), period))
    return toResponse(*p);

  return withConnection(env, "certificate issue", [&](store::Connection& c) -> ApiResponse {
    auto work = [&](store::Connection& conn, const CitizenSession& session) {
      return issueIn(env, conn, request, session, type, typeName, period, now);
    };
    if (key) return runIdempotent(env, c, request, *key, now, work);
    auto s = resolveSession(c, request, now);
    if (auto* p = std::get_if<Problem>(&s)) return toResponse(*p);
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "certificate issue");
    auto response = work(c, std::get<CitizenSession>(s));
    if (!response) return storageFailure(response.error(), "certificate issue");
    if (response->status >= 400) return response.value();
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "certificate commit");
    return response.value();
  });
}

// The verdict on a certificate known to the server, given its row.
json verdict(std::string_view status, const store::Row* row) {
  json out = {{"status", status}};
  if (row) {
    out["serial"] = row->text(0);
    out["type"] = row->text(1);
    out["issuedAt"] = rfc3339(row->integer(2));
    out["validUntil"] = rfc3339(row->integer(3));
    const auto doc = json::parse(row->text(5), nullptr, false);
    if (doc.is_object() && doc.contains("holder")) {
      out["holderNameMasked"] = core::maskName(doc["holder"].value("name", ""));
      out["holderIdNumberMasked"] = doc["holder"].value("idNumberMasked", "");
    }
  }
  return out;
}

constexpr const char* kCertificateColumns =
    "SELECT serial, type, issued_at, valid_until, revoked_at, document, revoke_reason FROM certificates ";

ApiResponse verifySealRequest(ApiEnv& env, const ApiRequest& request) {
  if (request.caller.kind == Caller::Kind::None) return toResponse(problems::kioskCertificateRequired());
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto text = f.text("seal", seal::kMaxSealLength * 2);
  if (!f.ok()) return toResponse(*f.problem());
  const auto now = env.now();
  const auto keys = env.keys.publicKeys(now);
  const auto v = seal::verifySeal(text, keys, now);
  if (!v.payload) return jsonResponse(200, json{{"status", seal::sealStatusName(v.status)}}.dump());
  return withConnection(env, "certificate verify", [&](store::Connection& c) -> ApiResponse {
    auto rows = c.query(std::string(kCertificateColumns) + "WHERE serial = ?", {v.payload->serial});
    if (!rows) return storageFailure(rows.error(), "certificate verify");
    // A correctly signed seal whose serial we never stored means our key signed something
    // we did not record: report it, never call it valid.
    if (rows->empty()) return jsonResponse(200, json{{"status", "unknown_serial"}}.dump());
    const auto& row = rows.value()[0];
    std::string status(seal::sealStatusName(v.status));
    if (!row.isNull(4)) status = "revoked";
    auto out = verdict(status, &row);
    if (status == "revoked") out["revokeReason"] = row.text(6);
    return jsonResponse(200, out.dump());
  });
}

ApiResponse verifyCode(ApiEnv& env, const ApiRequest& request, const std::string& typed) {
  if (request.caller.kind == Caller::Kind::None) return toResponse(problems::kioskCertificateRequired());
  const auto code = vc::normalize(typed);
  if (!code) return toResponse(problems::invalidField("code", "must be 12 digits with a valid check digit"));
  const auto now = env.now();
  return withConnection(env, "certificate by code", [&](store::Connection& c) -> ApiResponse {
    // Codes are short enough to guess at scale; each caller gets a modest budget.
    auto rate = hitRateLimit(c, "verify-code:" + request.caller.id, now, 60);
    if (!rate) return storageFailure(rate.error(), "verify rate limit");
    if (!rate->allowed) return toResponse(problems::rateLimited(rate->retryAfterSeconds));
    auto rows = c.query(std::string(kCertificateColumns) + "WHERE verification_code = ?", {*code});
    if (!rows) return storageFailure(rows.error(), "certificate by code");
    if (rows->empty()) return toResponse(problems::certificateNotFound());
    const auto& row = rows.value()[0];
    const std::string status = !row.isNull(4) ? "revoked" : (row.integer(3) <= now ? "expired" : "valid");
    auto out = verdict(status, &row);
    if (status == "revoked") out["revokeReason"] = row.text(6);
    return jsonResponse(200, out.dump());
  });
}

ApiResponse revoke(ApiEnv& env, const ApiRequest& request, const std::string& serial) {
  if (auto p = requireStaff(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto reason = f.text("reason", 200);
  if (!f.ok()) return toResponse(*f.problem());
  if (!seal::isValidSerial(serial)) return toResponse(problems::certificateNotFound());
  const auto now = env.now();
  return withConnection(env, "certificate revoke", [&](store::Connection& c) -> ApiResponse {
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "certificate revoke");
    auto r = c.execute("UPDATE certificates SET revoked_at = ?, revoke_reason = ? WHERE serial = ? AND revoked_at IS NULL",
                       {now, reason, serial});
    if (!r) return storageFailure(r.error(), "certificate revoke");
    if (r.value() == 0) {
      auto exists = c.query("SELECT 1 FROM certificates WHERE serial = ?", {serial});
      if (!exists) return storageFailure(exists.error(), "certificate revoke");
      if (exists->empty()) return toResponse(problems::certificateNotFound());
      return toResponse(problems::conflict("certificate already revoked"));
    }
    auto audited = appendAudit(c, now, auditBy(request.caller, "certificate.revoked", serial));
    if (!audited) return storageFailure(audited.error(), "audit");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "certificate revoke commit");
    return jsonResponse(200, json{{"serial", serial}, {"status", "revoked"}, {"revokedAt", rfc3339(now)}}.dump());
  });
}

ApiResponse keys(ApiEnv& env, const ApiRequest& request) {
  if (request.caller.kind == Caller::Kind::None) return toResponse(problems::kioskCertificateRequired());
  ApiResponse r = jsonResponse(200, seal::publicKeysToJson(env.keys.publicKeys(env.now())));
  r.headers["Cache-Control"] = "max-age=3600";
  return r;
}

}  // namespace

void addCertificateRoutes(Router& router, ApiEnv& env) {
  router.add("POST", "/v1/me/certificates", [&env](const ApiRequest& r, const PathParams&) { return issue(env, r); });
  router.add("POST", "/v1/certificates/verify",
             [&env](const ApiRequest& r, const PathParams&) { return verifySealRequest(env, r); });
  router.add("GET", "/v1/certificates/by-code/{code}",
             [&env](const ApiRequest& r, const PathParams& p) { return verifyCode(env, r, p.at("code")); });
  router.add("POST", "/v1/staff/certificates/{serial}/revocation",
             [&env](const ApiRequest& r, const PathParams& p) { return revoke(env, r, p.at("serial")); });
  router.add("GET", "/v1/keys", [&env](const ApiRequest& r, const PathParams&) { return keys(env, r); });
}

}  // namespace onestop::central::api
