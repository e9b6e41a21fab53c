#include "web_harness.hpp"

#include <cstdlib>

#include <doctest/doctest.h>

#include "api/clock.hpp"
#include "api/schema.hpp"
#include "demo/essc_token.hpp"
#include "demo/people_file.hpp"
#include "demo/seed.hpp"
#include "seal/key_store.hpp"
#include "support/test_db.hpp"
#include "web/demo_console.hpp"
#include "web/url_encoding.hpp"

namespace onestop::central::web::test {

std::vector<Backend> backends() {
  std::vector<Backend> list{Backend::Sqlite};
  if (std::getenv("ONESTOP_TEST_PG_URL_FILE")) list.push_back(Backend::Postgres);
  return list;
}

const char* backendName(Backend b) { return b == Backend::Sqlite ? "sqlite" : "postgresql"; }

WebHarness::WebHarness(Backend backend, ConsoleOptions options) {
  base_ = api::systemNow();
  const auto url = backend == Backend::Sqlite ? onestop::test::freshSqlitePath("central-web")
                                              : onestop::test::freshPostgresUrl("central_web");
  REQUIRE(!url.empty());
  store::OpenOptions dbOptions;
  dbOptions.serializable = false;  // as the server runs it
  auto db = store::Database::open(url, dbOptions);
  REQUIRE_MESSAGE(db.ok(), db.error().message);
  db_ = std::move(db.value());
  auto migrated = store::migrate(*db_, api::centralMigrations());
  REQUIRE_MESSAGE(migrated.ok(), migrated.error().message);
  auto people = demo::loadDemoPeople(demo::defaultDemoPeoplePath());
  REQUIRE_MESSAGE(people.ok(), people.error());
  {
    auto lease = db_->acquire();
    REQUIRE(lease.ok());
    auto seeded = demo::seedDemoCitizens(*lease.value(), people.value(), api::localDay(now(), 480));
    REQUIRE_MESSAGE(seeded.ok(), seeded.error().message);
  }
  const auto keysDir = onestop::test::freshSqlitePath("central-web-keys") + ".keys";
  auto ring = seal::openKeyRing(keysDir, seal::KeyPolicy{}, now());
  REQUIRE_MESSAGE(ring.ok(), ring.error());
  keys_ = std::make_unique<seal::KeyRing>(std::move(ring.value()));
  auto clock = [this] { return now(); };
  api_ = std::make_unique<api::CentralApi>(*db_, *keys_, api::ApiOptions{}, clock);
  console_ = std::make_unique<StaffConsole>(*db_, *keys_, options, clock);
}

WebHarness::~WebHarness() = default;

api::ApiResponse WebHarness::api(const std::string& method, const std::string& path, const nlohmann::json& body,
                                 const std::map<std::string, std::string>& headers, api::Caller::Kind kind,
                                 const std::string& id) {
  api::ApiRequest request;
  request.method = method;
  request.path = path;
  request.headers = headers;
  if (!body.is_null()) {
    request.body = body.dump();
    request.headers["content-type"] = "application/json";
  }
  request.caller = api::Caller{kind, id};
  return api_->handle(request);
}

std::string WebHarness::sessionFor(const std::string& key) {
  const auto r = api("POST", "/v1/identify", {{"method", "essc"}, {"token", demo::demoEsscToken(key)}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return nlohmann::json::parse(r.body)["sessionToken"].get<std::string>();
}

IssuedCertificate WebHarness::issueCertificate(const std::string& key, const std::string& type) {
  const auto token = sessionFor(key);
  const auto r = api("POST", "/v1/me/certificates", {{"type", type}}, {{"authorization", "Bearer " + token}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
  const auto j = nlohmann::json::parse(r.body);
  return {j["serial"].get<std::string>(), j["seal"].get<std::string>(), j["verificationCode"].get<std::string>()};
}

namespace {

WebRequest browserRequest(const std::string& method, const std::string& pathAndQuery,
                          const std::map<std::string, std::string>& cookies, const std::string& clientAddress) {
  WebRequest request;
  request.method = method;
  const auto q = pathAndQuery.find('?');
  request.path = pathAndQuery.substr(0, q);
  if (q != std::string::npos) {
    auto query = decodeForm(pathAndQuery.substr(q + 1), 64);
    REQUIRE(query.has_value());
    request.query = *query;
  }
  request.cookies = cookies;
  request.clientAddress = clientAddress;
  request.headers["host"] = "127.0.0.1";
  return request;
}

}  // namespace

WebResponse WebHarness::get(const std::string& pathAndQuery, const std::map<std::string, std::string>& cookies,
                            const std::string& clientAddress) {
  return console_->handle(browserRequest("GET", pathAndQuery, cookies, clientAddress));
}

WebResponse WebHarness::post(const std::string& path, const std::map<std::string, std::string>& form,
                             const std::map<std::string, std::string>& cookies, const std::string& clientAddress) {
  auto request = browserRequest("POST", path, cookies, clientAddress);
  request.form = form;
  request.headers["content-type"] = "application/x-www-form-urlencoded";
  return console_->handle(request);
}

std::int64_t WebHarness::count(const std::string& sql, const std::vector<store::Value>& params) {
  auto lease = db_->acquire();
  REQUIRE(lease.ok());
  auto rows = lease.value()->query(sql, params);
  REQUIRE_MESSAGE(rows.ok(), rows.error().message);
  return rows->empty() ? 0 : rows.value()[0].integer(0);
}

std::string WebHarness::text(const std::string& sql, const std::vector<store::Value>& params) {
  auto lease = db_->acquire();
  REQUIRE(lease.ok());
  auto rows = lease.value()->query(sql, params);
  REQUIRE_MESSAGE(rows.ok(), rows.error().message);
  return rows->empty() ? std::string() : rows.value()[0].text(0);
}

void WebHarness::execute(const std::string& sql, const std::vector<store::Value>& params) {
  auto lease = db_->acquire();
  REQUIRE(lease.ok());
  auto done = lease.value()->execute(sql, params);
  REQUIRE_MESSAGE(done.ok(), done.error().message);
}

std::string setCookie(const WebResponse& r, const std::string& name) {
  for (const auto& [header, value] : r.headers) {
    if (header != "Set-Cookie" || value.rfind(name + "=", 0) != 0) continue;
    const auto end = value.find(';');
    return value.substr(name.size() + 1, end == std::string::npos ? std::string::npos : end - name.size() - 1);
  }
  return "";
}

std::string setCookieLine(const WebResponse& r, const std::string& name) {
  for (const auto& [header, value] : r.headers)
    if (header == "Set-Cookie" && value.rfind(name + "=", 0) == 0) return value;
  return "";
}

void seedDemoConsole(WebHarness& h) {
  auto lease = h.database().acquire();
  REQUIRE(lease.ok());
  auto seeded = web::seedDemoConsole(*lease.value(), h.now(), 480);
  REQUIRE_MESSAGE(seeded.ok(), seeded.error());
}

WebResponse postLogin(WebHarness& h, const std::string& login, const std::string& password,
                      const std::string& clientAddress) {
  const auto form = h.get("/login", {}, clientAddress);
  REQUIRE(form.status == 200);
  const auto loginCookie = setCookie(form, "__Host-onestop_login");
  REQUIRE_FALSE(loginCookie.empty());
  return h.post("/login", {{"csrf", hiddenField(form.body, "csrf")}, {"login", login}, {"password", password}},
                {{"__Host-onestop_login", loginCookie}}, clientAddress);
}

Browser logIn(WebHarness& h, const std::string& login, const std::string& password) {
  const auto r = postLogin(h, login, password);
  REQUIRE_MESSAGE(r.status == 303, r.body);
  Browser b;
  b.cookies["__Host-onestop_staff"] = setCookie(r, "__Host-onestop_staff");
  REQUIRE_FALSE(b.cookies["__Host-onestop_staff"].empty());
  const auto page = h.get("/queue", b.cookies);  // 403 for an auditor, still with the log-out form
  b.csrf = hiddenField(page.body, "csrf");
  REQUIRE_FALSE(b.csrf.empty());
  return b;
}

std::vector<std::string> waitingFilings(WebHarness& h, const std::string& service) {
  auto lease = h.database().acquire();
  REQUIRE(lease.ok());
  auto rows = lease.value()->query(
      "SELECT acceptance_number FROM applications WHERE state IN ('accepted', 'in_review', 'first_review_done') "
      "AND (service_id = ? OR ? = '') ORDER BY accepted_at, acceptance_number",
      {service, service});
  REQUIRE(rows.ok());
  std::vector<std::string> numbers;
  for (const auto& r : rows->rows) numbers.push_back(r.text(0));
  return numbers;
}

std::string headerOf(const WebResponse& r, const std::string& name) {
  for (const auto& [header, value] : r.headers)
    if (header == name) return value;
  return "";
}

std::string hiddenField(const std::string& html, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  const auto at = html.find(marker);
  if (at == std::string::npos) return "";
  const auto start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

}  // namespace onestop::central::web::test
