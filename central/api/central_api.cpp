#include "api/central_api.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "api/routes.hpp"

namespace onestop::central::api {

CentralApi::CentralApi(store::Database& db, seal::KeyRing& keys, ApiOptions options,
                       std::function<std::int64_t()> now)
    : env_{db, keys, options, std::move(now)} {
  addIdentifyRoutes(router_, env_);
  addRecordsRoutes(router_, env_);
  addCertificateRoutes(router_, env_);
  addPrintOutcomeRoutes(router_, env_);
  addFilingRoutes(router_, env_);
  addProgressRoutes(router_, env_);
  addFeedbackRoutes(router_, env_);
  addQueueRoutes(router_, env_);
  addFleetRoutes(router_, env_);
}

ApiResponse CentralApi::handle(const ApiRequest& request) const {
  try {
    auto response = router_.dispatch(request);
    response.headers["Cache-Control"] = response.headers.count("Cache-Control") ? response.headers["Cache-Control"]
                                                                                 : "no-store";
    return response;
  } catch (const std::exception& e) {
    // A bug, not bad input (input is validated before use): log it, answer 500, stay up.
    spdlog::error("api: unhandled exception in {} {}: {}", request.method, request.path.substr(0, 100), e.what());
  } catch (...) {
    spdlog::error("api: unhandled non-standard exception in {} {}", request.method, request.path.substr(0, 100));
  }
  return toResponse(problems::internal());
}

std::int64_t systemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace onestop::central::api
