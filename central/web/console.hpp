#pragma once
// The web side of onestop-central, served on its own HTTPS listener (server certificate
// only): the staff console (log-in, review queue, fleet, service quality, audit) and the
// public certificate verification page. Transport-free like api::CentralApi: handle() takes
// a WebRequest and never throws; mountConsoleOn binds it to cpp-httplib.
#include <cstdint>
#include <functional>

#include "web/web_env.hpp"
#include "web/web_types.hpp"

namespace httplib {
class Server;
}

namespace onestop::central::web {

class StaffConsole {
 public:
  StaffConsole(store::Database& db, seal::KeyRing& keys, ConsoleOptions options, std::function<std::int64_t()> now);
  StaffConsole(const StaffConsole&) = delete;
  StaffConsole& operator=(const StaffConsole&) = delete;

  WebResponse handle(const WebRequest& request) const;

 private:
  WebEnv env_;
};

/// Every request to `server` goes to `console`, with the form body, cookies and the peer
/// address decoded. Installs the same request guards as the API (no chunked or compressed
/// bodies), answered as a plain page.
void mountConsoleOn(httplib::Server& server, const StaffConsole& console);

}  // namespace onestop::central::web
