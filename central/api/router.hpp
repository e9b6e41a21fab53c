#pragma once
// The route table: method + path pattern ("/v1/progress/{acceptanceNumber}") → handler.
// The same table is what the OpenAPI conformance test compares with docs/api/openapi.yaml.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "api/api_types.hpp"

namespace onestop::central::api {

using PathParams = std::map<std::string, std::string>;
using Handler = std::function<ApiResponse(const ApiRequest&, const PathParams&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  /// Dispatches; unknown paths → 404, known path with another method → 405 (problem+json).
  ApiResponse dispatch(const ApiRequest& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

/// Matches "/v1/a/{x}" against "/v1/a/123" (segment by segment; a parameter never spans
/// a '/' and is never empty).
bool matchPattern(const std::string& pattern, const std::string& path, PathParams& params);

}  // namespace onestop::central::api
