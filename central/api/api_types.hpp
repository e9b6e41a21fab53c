#pragma once
// A request and a response as the API layer sees them: transport-free, so handlers are
// tested (and fuzzed) without TLS, and the HTTPS binding is a thin adapter.
#include <map>
#include <optional>
#include <string>

namespace onestop::central::api {

/// Who is calling, as established by the transport (the client certificate), never by a
/// header the caller could set.
struct Caller {
  enum class Kind { Kiosk, Staff, None };
  Kind kind = Kind::None;
  std::string id;   ///< certificate common name, e.g. "KIOSK-DEMO-01"
};

struct ApiRequest {
  std::string method;                          ///< "GET", "POST", …
  std::string path;                            ///< "/v1/…", no query string
  std::map<std::string, std::string> query;    ///< decoded query parameters
  std::map<std::string, std::string> headers;  ///< names lower-case
  std::string body;
  Caller caller;

  std::optional<std::string> header(const std::string& lowerName) const {
    auto it = headers.find(lowerName);
    if (it == headers.end()) return std::nullopt;
    return it->second;
  }
};

struct ApiResponse {
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;
};

}  // namespace onestop::central::api
