// Binds CentralApi to cpp-httplib: one catch-all route per method, the caller from the
// verified client certificate (never a header).
#include <algorithm>
#include <cctype>

#include "api/central_api.hpp"
#include "api/problem.hpp"
#include "http/client_identity.hpp"
#include "http/httplib.hpp"
#include "http/request_guards.hpp"

namespace onestop::central::api {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Caller callerOf(const httplib::Request& req) {
  Caller caller;
  if (auto id = http::clientIdentity(req)) {
    caller.id = id->commonName;
    if (id->organizationalUnit == "kiosk") caller.kind = Caller::Kind::Kiosk;
    else if (id->organizationalUnit == "staff") caller.kind = Caller::Kind::Staff;
  }
  return caller;
}

void write(const ApiResponse& response, httplib::Response& res) {
  res.status = response.status;
  for (const auto& [k, v] : response.headers) res.set_header(k, v);
  if (!response.body.empty()) res.set_content(response.body, response.contentType);
}

// The transport's refusals, as the same problem+json every other error is.
Problem problemFor(const http::Refusal& refusal) {
  switch (refusal.status) {
    case 403: return problems::clientCertificateRequired();
    case 411: return problems::lengthRequired();
    case 415: return problems::contentEncodingUnsupported();
    default: return problems::badRequest(refusal.reason);
  }
}

void serve(const CentralApi& api, const httplib::Request& req, httplib::Response& res) {
  ApiRequest request;
  request.method = req.method;
  request.path = req.path;
  for (const auto& [k, v] : req.params) request.query.emplace(k, v);
  for (const auto& [k, v] : req.headers) request.headers.emplace(lower(k), v);
  request.body = req.body;
  request.caller = callerOf(req);
  write(api.handle(request), res);
}

}  // namespace

void mountOn(httplib::Server& server, const CentralApi& api) {
  // Replaces the transport's guards with the same checks answered as problem+json (the
  // exception handler installed by HttpsServer stays).
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    auto refusal = http::refusalBeforeRouting(req);
    if (!refusal) return httplib::Server::HandlerResponse::Unhandled;
    write(toResponse(problemFor(*refusal)), res);
    res.set_header("Connection", "close");   // the unread body must not become the next request
    return httplib::Server::HandlerResponse::Handled;
  });
  // Errors httplib answers itself (413 over the body limit, 400 unparsable request…).
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const int status = res.status;
    write(toResponse(status == 413 ? problems::payloadTooLarge()
                                   : problems::badRequest("HTTP " + std::to_string(status))),
          res);
    res.status = status;
  });
  auto handler = [&api](const httplib::Request& req, httplib::Response& res) { serve(api, req, res); };
  const std::string all = ".*";
  server.Get(all, handler);
  server.Post(all, handler);
  server.Put(all, handler);
  server.Patch(all, handler);
  server.Delete(all, handler);
  server.Options(all, handler);
}

}  // namespace onestop::central::api
