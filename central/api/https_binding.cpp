// Binds CentralApi to cpp-httplib: one catch-all route per method, the caller from the
// verified client certificate (never a header).
#include <algorithm>
#include <cctype>

#include "api/central_api.hpp"
#include "api/problem.hpp"
#include "http/client_identity.hpp"
#include "http/httplib.hpp"

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

void serve(const CentralApi& api, const httplib::Request& req, httplib::Response& res) {
  ApiRequest request;
  request.method = req.method;
  request.path = req.path;
  for (const auto& [k, v] : req.params) request.query.emplace(k, v);
  for (const auto& [k, v] : req.headers) request.headers.emplace(lower(k), v);
  request.body = req.body;
  request.caller = callerOf(req);
  const auto response = api.handle(request);
  res.status = response.status;
  for (const auto& [k, v] : response.headers) res.set_header(k, v);
  if (!response.body.empty()) res.set_content(response.body, response.contentType);
}

}  // namespace

void mountOn(httplib::Server& server, const CentralApi& api) {
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
