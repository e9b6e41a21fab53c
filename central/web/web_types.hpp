#pragma once
// A request and a response as the web pages see them: transport-free (like api::ApiRequest),
// so pages are tested without TLS and the HTTPS binding stays a thin adapter.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace onestop::central::web {

struct WebRequest {
  std::string method;                          ///< "GET", "POST", …
  std::string path;                            ///< no query string
  std::map<std::string, std::string> query;    ///< decoded; a repeated name keeps its first value
  std::map<std::string, std::string> form;     ///< decoded application/x-www-form-urlencoded body
  bool formMalformed = false;                  ///< a body that is not a well-formed form
  std::map<std::string, std::string> cookies;
  std::map<std::string, std::string> headers;  ///< names lower-case
  std::string clientAddress;                   ///< the peer's IP address (rate limits)

  std::string queryValue(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
  std::string formValue(const std::string& name) const {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  }
  std::optional<std::string> cookie(const std::string& name) const {
    auto it = cookies.find(name);
    if (it == cookies.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::string> header(const std::string& lowerName) const {
    auto it = headers.find(lowerName);
    if (it == headers.end()) return std::nullopt;
    return it->second;
  }
};

struct WebResponse {
  int status = 200;
  std::string contentType = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< may repeat (Set-Cookie)

  void addHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

}  // namespace onestop::central::web
