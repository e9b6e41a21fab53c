#include "api/env.hpp"

#include <spdlog/spdlog.h>

namespace onestop::central::api {

ApiResponse jsonResponse(int status, const std::string& body) {
  ApiResponse r;
  r.status = status;
  r.body = body;
  return r;
}

ApiResponse storageFailure(const store::DbError& error, std::string_view during) {
  spdlog::error("storage failure during {}: {}", during, error.message);
  using K = store::DbError::Kind;
  if (error.kind == K::Unavailable || error.kind == K::Busy) return toResponse(problems::storageUnavailable());
  return toResponse(problems::internal());
}

std::optional<Problem> requireKiosk(const ApiRequest& request) {
  if (request.caller.kind != Caller::Kind::Kiosk) return problems::kioskCertificateRequired();
  return std::nullopt;
}

std::optional<Problem> requireStaff(const ApiRequest& request) {
  if (request.caller.kind != Caller::Kind::Staff) return problems::staffCertificateRequired();
  return std::nullopt;
}

}  // namespace onestop::central::api
