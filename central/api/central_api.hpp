#pragma once
// The /v1 API as one object: routes, the environment they share, and a handle() that never
// throws. `mountOn` binds it to the HTTPS server; tests and the fuzz target call handle().
#include <memory>

#include "api/env.hpp"
#include "api/router.hpp"

namespace httplib {
class Server;
}

namespace onestop::central::api {

class CentralApi {
 public:
  CentralApi(store::Database& db, seal::KeyRing& keys, ApiOptions options, std::function<std::int64_t()> now);
  CentralApi(const CentralApi&) = delete;
  CentralApi& operator=(const CentralApi&) = delete;

  ApiResponse handle(const ApiRequest& request) const;
  const Router& router() const { return router_; }

 private:
  ApiEnv env_;
  Router router_;
};

/// Every request to the server goes through `api` (one catch-all per method), with the
/// caller taken from the verified client certificate.
void mountOn(httplib::Server& server, const CentralApi& api);

/// The wall clock, epoch seconds.
std::int64_t systemNow();

}  // namespace onestop::central::api
