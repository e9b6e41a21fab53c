#include "http/request_guards.hpp"

#include <exception>

#include <strings.h>

#include <spdlog/spdlog.h>

#include "http/client_identity.hpp"

namespace onestop::central::http {

std::optional<Refusal> refusalBeforeRouting(const httplib::Request& request, bool requireClientCertificate) {
  if (requireClientCertificate && !clientIdentity(request)) return Refusal{403, "client certificate required"};
  if (request.has_header("Transfer-Encoding"))
    return Refusal{411, "send the body with Content-Length; Transfer-Encoding is not accepted"};
  if (request.has_header("Content-Encoding")) {
    // Content codings are case-insensitive (RFC 9110 8.4.1).
    const bool identity = strcasecmp(request.get_header_value("Content-Encoding").c_str(), "identity") == 0;
    if (!identity || request.get_header_value_count("Content-Encoding") != 1)
      return Refusal{415, "send the body uncompressed; Content-Encoding is not accepted"};
  }
  return std::nullopt;
}

void installRequestGuards(httplib::Server& server, bool requireClientCertificate) {
  server.set_pre_routing_handler([requireClientCertificate](const httplib::Request& req, httplib::Response& res) {
    auto refusal = refusalBeforeRouting(req, requireClientCertificate);
    if (!refusal) return httplib::Server::HandlerResponse::Unhandled;
    spdlog::warn("https: refused a {} request with {}: {}", req.method, refusal->status, refusal->reason);
    res.status = refusal->status;
    res.set_header("Connection", "close");
    res.set_content(refusal->reason + "\n", "text/plain");
    return httplib::Server::HandlerResponse::Handled;
  });
  // httplib would put the exception text in a response header; it may carry personal data.
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    spdlog::error("https: a {} handler threw; answered 500", req.method);
    res.status = 500;
    res.set_content("internal error\n", "text/plain");
  });
}

}  // namespace onestop::central::http
