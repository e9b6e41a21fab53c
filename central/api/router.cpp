#include "api/router.hpp"

#include "api/problem.hpp"

namespace onestop::central::api {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

}  // namespace

bool matchPattern(const std::string& pattern, const std::string& path, PathParams& params) {
  const auto want = segments(pattern), have = segments(path);
  if (want.size() != have.size()) return false;
  PathParams found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (have[i].empty()) return false;
      found[std::string(w.substr(1, w.size() - 2))] = std::string(have[i]);
    } else if (w != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler)});
}

ApiResponse Router::dispatch(const ApiRequest& request) const {
  std::string allowed;
  for (const auto& route : routes_) {
    PathParams params;
    if (!matchPattern(route.pattern, request.path, params)) continue;
    if (route.method == request.method) return route.handler(request, params);
    allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  if (!allowed.empty()) {
    auto r = toResponse(problems::methodNotAllowed(allowed));
    r.headers["Allow"] = allowed;
    return r;
  }
  return toResponse(problems::notFound("no route for " + request.path.substr(0, 200)));
}

}  // namespace onestop::central::api
