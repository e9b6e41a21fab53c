#pragma once
// One HTTP exchange with the central server, as the network thread sees it.
#include <cstdint>
#include <map>
#include <string>

namespace onestop::sync {

struct HttpRequest {
  std::string method = "GET";                  ///< GET, POST, DELETE
  std::string path;                            ///< "/v1/…" (appended to the server URL)
  std::map<std::string, std::string> headers;  ///< e.g. Authorization, Idempotency-Key
  std::string body;                            ///< JSON; sent with Content-Type: application/json
  long totalTimeoutMs = 15000;                 ///< the whole exchange
};

/// Why no HTTP answer came back. Each kind gets its own wording for the citizen and the log.
enum class NetError {
  None,
  Connect,      ///< refused, unreachable, DNS: the server is not there
  Tls,          ///< handshake failed: unknown CA, wrong name, pin mismatch, our certificate refused
  Timeout,      ///< no (complete) answer in time, including a trickling server
  Interrupted,  ///< the connection broke mid-exchange
  Cancelled,    ///< the kiosk gave up on it (shutdown)
  Other,
};

const char* netErrorName(NetError e);

struct HttpResult {
  NetError error = NetError::None;
  std::string errorText;                       ///< curl's message, for the log
  long status = 0;                             ///< HTTP status when error == None
  std::map<std::string, std::string> headers;  ///< names lower-case
  std::string body;

  bool answered() const { return error == NetError::None; }
  /// Retry-After in seconds (0 when absent or not a number of seconds).
  int retryAfterSeconds() const;
};

}  // namespace onestop::sync
