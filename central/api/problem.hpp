#pragma once
// RFC 9457 problem details. Every error the API returns carries a stable `code` that a
// kiosk maps to an i18n key (docs/api/openapi.yaml lists them), a short English title,
// and a `detail` for operators that never holds personal data.
#include <string>
#include <string_view>

#include "api/api_types.hpp"

namespace onestop::central::api {

struct Problem {
  int status = 500;
  std::string code;     ///< stable, e.g. "session-expired"
  std::string title;    ///< short, English, constant per code
  std::string detail;   ///< this occurrence, for the log / operator
  int retryAfterSeconds = 0;   ///< sets Retry-After when > 0
};

ApiResponse toResponse(const Problem& p);

// The catalogue of problems, one function per stable code, so codes are never misspelt.
namespace problems {
Problem malformedJson(std::string detail);
Problem invalidField(std::string_view field, std::string detail);
Problem notFound(std::string detail = "no such resource");
Problem methodNotAllowed(std::string_view allowed);
Problem payloadTooLarge();
Problem badRequest(std::string detail);
Problem clientCertificateRequired();
Problem lengthRequired();
Problem contentEncodingUnsupported();
Problem unsupportedMediaType();
Problem kioskCertificateRequired();
Problem staffCertificateRequired();
Problem sessionRequired();
Problem sessionExpired();
Problem sessionInvalid();
Problem citizenNotFound();
Problem identityRejected(std::string_view reason);
Problem tokenInvalid();
Problem rateLimited(int retryAfterSeconds);
Problem idempotencyKeyRequired();
Problem idempotencyKeyReused();
Problem idempotencyInFlight();
Problem acceptanceNumberUnknown();
Problem ratingReasonRequired();
Problem alreadyRated();
Problem invalidTransition(std::string detail);
Problem certificateUnavailable(std::string detail);
Problem certificateNotFound();
Problem serviceNotFiled(std::string_view service);
Problem conflict(std::string detail);
Problem storageUnavailable();
Problem internal();
}  // namespace problems

}  // namespace onestop::central::api
