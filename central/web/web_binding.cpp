// Binds StaffConsole to cpp-httplib: one catch-all route per method; the form body, the
// cookies and the peer address decoded here, so the pages see plain values.
#include <algorithm>
#include <cctype>
#include <optional>

#include "http/httplib.hpp"
#include "http/request_guards.hpp"
#include "web/console.hpp"
#include "web/url_encoding.hpp"

namespace onestop::central::web {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool isFormBody(const httplib::Request& req) {
  const auto type = lower(req.get_header_value("Content-Type"));
  return type.rfind("application/x-www-form-urlencoded", 0) == 0;
}

WebRequest toWebRequest(const httplib::Request& req) {
  WebRequest request;
  request.method = req.method;
  request.path = req.path;
  for (const auto& [name, value] : req.params) request.query.emplace(name, value);  // first value wins
  for (const auto& [name, value] : req.headers) request.headers.emplace(lower(name), value);
  request.cookies = parseCookies(req.get_header_value("Cookie"));
  request.clientAddress = req.remote_addr;
  if (!req.body.empty()) {
    auto form = isFormBody(req) ? decodeForm(req.body) : std::nullopt;
    if (form) request.form = std::move(*form);
    else request.formMalformed = true;
  }
  // httplib folds a urlencoded body into params; the query is what the URL carried.
  if (isFormBody(req)) {
    request.query.clear();
    const auto q = req.target.find('?');
    if (q != std::string::npos)
      if (auto query = decodeForm(std::string_view(req.target).substr(q + 1), 64)) request.query = std::move(*query);
  }
  return request;
}

void write(const WebResponse& response, httplib::Response& res) {
  res.status = response.status;
  for (const auto& [name, value] : response.headers) res.headers.emplace(name, value);
  if (!response.body.empty()) res.set_content(response.body, response.contentType);
}

}  // namespace

void mountConsoleOn(httplib::Server& server, const StaffConsole& console) {
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    auto refusal = http::refusalBeforeRouting(req, false);
    if (!refusal) return httplib::Server::HandlerResponse::Unhandled;
    res.status = refusal->status;
    res.set_header("Connection", "close");  // the unread body must not become the next request
    res.set_content(refusal->reason + "\n", "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  // Errors httplib answers before any page runs (a body over the limit, an unparsable
  // request): a plain page in both languages, since the language is not known yet.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const bool tooLarge = res.status == 413;
    const std::string text = tooLarge ? "提交的内容过多，没有做任何更改。 · The form is too large; nothing was changed."
                                      : "请求无法识别，没有做任何更改。 · The request could not be read; nothing was changed.";
    res.set_content("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>OneStop</title></head>"
                    "<body><p>" + text + "</p><p><a href=\"/\">返回首页 · Home</a></p></body></html>\n",
                    "text/html; charset=utf-8");
  });
  auto handler = [&console](const httplib::Request& req, httplib::Response& res) {
    write(console.handle(toWebRequest(req)), res);
  };
  const std::string all = ".*";
  server.Get(all, handler);
  server.Post(all, handler);
  server.Put(all, handler);
  server.Patch(all, handler);
  server.Delete(all, handler);
  server.Options(all, handler);
}

}  // namespace onestop::central::web
