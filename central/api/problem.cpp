#include "api/problem.hpp"

#include <nlohmann/json.hpp>

namespace onestop::central::api {

ApiResponse toResponse(const Problem& p) {
  nlohmann::json j = {{"type", "https://onestop.example/problems/" + p.code},
                      {"title", p.title},
                      {"status", p.status},
                      {"code", p.code}};
  if (!p.detail.empty()) j["detail"] = p.detail;
  ApiResponse r;
  r.status = p.status;
  r.contentType = "application/problem+json";
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (p.retryAfterSeconds > 0) r.headers["Retry-After"] = std::to_string(p.retryAfterSeconds);
  if (p.status == 401) r.headers["WWW-Authenticate"] = "Bearer realm=\"onestop\"";
  return r;
}

namespace problems {
namespace {
Problem make(int status, std::string code, std::string title, std::string detail = {}) {
  return Problem{status, std::move(code), std::move(title), std::move(detail), 0};
}
}  // namespace

Problem malformedJson(std::string detail) { return make(400, "malformed-json", "The request body is not valid JSON", std::move(detail)); }
Problem invalidField(std::string_view field, std::string detail) {
  return make(400, "invalid-field", "A field is missing or has the wrong type or value",
              std::string(field) + ": " + detail);
}
Problem notFound(std::string detail) { return make(404, "not-found", "No such resource", std::move(detail)); }
Problem methodNotAllowed(std::string_view allowed) {
  return make(405, "method-not-allowed", "Method not allowed", "allowed: " + std::string(allowed));
}
Problem payloadTooLarge() { return make(413, "payload-too-large", "The request body is too large"); }
Problem badRequest(std::string detail) { return make(400, "bad-request", "The HTTP request is malformed", std::move(detail)); }
Problem clientCertificateRequired() { return make(403, "client-certificate-required", "A verified client certificate is required"); }
Problem lengthRequired() {
  return make(411, "length-required", "Send the body with Content-Length; Transfer-Encoding is not accepted");
}
Problem contentEncodingUnsupported() {
  return make(415, "content-encoding-unsupported", "Send the body uncompressed; Content-Encoding is not accepted");
}
Problem unsupportedMediaType() { return make(415, "unsupported-media-type", "The request body must be application/json"); }
Problem kioskCertificateRequired() { return make(403, "kiosk-certificate-required", "Only a kiosk may call this"); }
Problem staffCertificateRequired() { return make(403, "staff-certificate-required", "Only back-office staff may call this"); }
Problem sessionRequired() { return make(401, "session-required", "A citizen session is required"); }
Problem sessionExpired() { return make(401, "session-expired", "The citizen session has expired"); }
Problem sessionInvalid() { return make(401, "session-invalid", "The citizen session is not valid at this kiosk"); }
Problem citizenNotFound() { return make(404, "citizen-not-found", "The person has no social insurance record"); }
Problem identityRejected(std::string_view reason) {
  return make(422, "identity-rejected", "The identity document cannot be used", std::string(reason));
}
Problem tokenInvalid() { return make(422, "essc-token-invalid", "The electronic social security card code is not valid"); }
Problem rateLimited(int retryAfterSeconds) {
  Problem p = make(429, "rate-limited", "Too many requests; try again shortly");
  p.retryAfterSeconds = retryAfterSeconds;
  return p;
}
Problem idempotencyKeyRequired() {
  return make(400, "idempotency-key-required", "An Idempotency-Key header (8-64 characters: letters, digits, '-', '_') is required");
}
Problem idempotencyKeyReused() {
  return make(422, "idempotency-key-reused", "This Idempotency-Key was already used for a different request");
}
Problem idempotencyInFlight() {
  Problem p = make(409, "idempotency-in-flight", "A request with this Idempotency-Key is still being processed");
  p.retryAfterSeconds = 1;
  return p;
}
Problem acceptanceNumberUnknown() { return make(404, "acceptance-number-unknown", "No filing has this acceptance number"); }
Problem ratingReasonRequired() { return make(422, "rating-reason-required", "A dissatisfied rating needs a reason"); }
Problem alreadyRated() { return make(409, "already-rated", "This transaction has already been rated"); }
Problem invalidTransition(std::string detail) { return make(409, "invalid-transition", "The filing cannot move to that state", std::move(detail)); }
Problem certificateUnavailable(std::string detail) {
  return make(422, "certificate-unavailable", "This certificate cannot be issued for this person", std::move(detail));
}
Problem certificateNotFound() { return make(404, "certificate-not-found", "No certificate has this serial or code"); }
Problem serviceNotFiled(std::string_view service) {
  return make(400, "service-not-fileable", "This service cannot be filed at a kiosk", std::string(service));
}
Problem conflict(std::string detail) { return make(409, "conflict", "The request conflicts with the current state", std::move(detail)); }
Problem storageUnavailable() {
  Problem p = make(503, "storage-unavailable", "The records store is temporarily unavailable");
  p.retryAfterSeconds = 5;
  return p;
}
Problem internal() { return make(500, "internal", "Internal error"); }
}  // namespace problems

}  // namespace onestop::central::api
