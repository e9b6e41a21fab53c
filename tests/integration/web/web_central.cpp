#include "web_central.hpp"

#include <cstdlib>

#include <doctest/doctest.h>

#include "api/clock.hpp"
#include "api/schema.hpp"
#include "demo/essc_token.hpp"
#include "demo/people_file.hpp"
#include "demo/seed.hpp"
#include "support/test_db.hpp"
#include "web/demo_console.hpp"

namespace onestop::central::webtest {
namespace {

Reply toReply(const httplib::Result& r) {
  Reply reply;
  if (!r) return reply;
  reply.status = r->status;
  reply.body = r->body;
  reply.headers = r->headers;
  return reply;
}

std::unique_ptr<httplib::SSLClient> clientFor(int port, const std::string& certBase) {
  const auto& pki = pkiDir();
  auto c = certBase.empty() ? std::make_unique<httplib::SSLClient>("127.0.0.1", port)
                            : std::make_unique<httplib::SSLClient>("127.0.0.1", port, pki + "/" + certBase + ".crt",
                                                                   pki + "/" + certBase + ".key");
  c->set_ca_cert_path((pki + "/ca.crt").c_str());
  c->enable_server_certificate_verification(true);
  c->set_connection_timeout(5, 0);
  c->set_read_timeout(10, 0);
  c->set_keep_alive(false);
  return c;
}

Reply send(httplib::SSLClient& client, const std::string& method, const std::string& path, const std::string& body,
           const httplib::Headers& headers, const std::string& contentType) {
  if (method == "GET") return toReply(client.Get(path.c_str(), headers));
  if (method == "POST") return toReply(client.Post(path.c_str(), headers, body, contentType.c_str()));
  if (method == "DELETE") return toReply(client.Delete(path.c_str(), headers));
  if (method == "PUT") return toReply(client.Put(path.c_str(), headers, body, contentType.c_str()));
  FAIL("unsupported method " << method);
  return {};
}

}  // namespace

std::vector<Backend> backends() {
  std::vector<Backend> list{Backend::Sqlite};
  if (std::getenv("ONESTOP_TEST_PG_URL_FILE")) list.push_back(Backend::Postgres);
  return list;
}

const char* backendName(Backend b) { return b == Backend::Sqlite ? "sqlite" : "postgresql"; }

const std::string& pkiDir() {
  static const std::string dir = [] {
    const std::string path = ONESTOP_TEST_PKI_DIR;
    const std::string command =
        "bash '" + std::string(ONESTOP_SOURCE_ROOT) + "/central/pki/make-dev-pki.sh' '" + path + "' >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "make-dev-pki.sh failed");
    return path;
  }();
  return dir;
}

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

WebCentral::WebCentral(Backend backend) {
  config_.host = "127.0.0.1";
  config_.port = 0;
  config_.dbUrl = backend == Backend::Sqlite ? onestop::test::freshSqlitePath("central-web-it")
                                             : onestop::test::freshPostgresUrl("central_web_it");
  REQUIRE(!config_.dbUrl.empty());
  config_.tlsDir = pkiDir();
  config_.keysDir = onestop::test::freshSqlitePath("central-web-keys") + ".keys";
  config_.http.threads = 8;
  config_.console.enabled = true;
  config_.console.host = "127.0.0.1";
  config_.console.port = 0;
  config_.now = [this] { return now(); };

  auto db = store::Database::open(config_.dbUrl);
  REQUIRE_MESSAGE(db.ok(), db.error().message);
  auto migrated = store::migrate(*db.value(), api::centralMigrations());
  REQUIRE_MESSAGE(migrated.ok(), migrated.error().message);
  auto people = demo::loadDemoPeople(demo::defaultDemoPeoplePath());
  REQUIRE_MESSAGE(people.ok(), people.error());
  {
    auto lease = db.value()->acquire();
    REQUIRE(lease.ok());
    auto seeded = demo::seedDemoCitizens(*lease.value(), people.value(), api::localDay(now(), 480));
    REQUIRE_MESSAGE(seeded.ok(), seeded.error().message);
  }
  auto started = CentralServer::start(config_);
  REQUIRE_MESSAGE(started.ok(), started.error());
  server_ = std::move(started.value());
}

WebCentral::~WebCentral() {
  if (server_) server_->stop();
}

std::int64_t WebCentral::now() const { return api::systemNow() + offset_.load(); }

Reply WebCentral::api(const std::string& method, const std::string& path, const std::string& body,
                      const httplib::Headers& headers, const std::string& cert) const {
  auto client = clientFor(server_->port(), cert);
  return send(*client, method, path, body, headers, "application/json");
}

std::string WebCentral::sessionFor(const std::string& key) const {
  const auto r = api("POST", "/v1/identify", nlohmann::json{{"method", "essc"}, {"token", demo::demoEsscToken(key)}}.dump());
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return r.json()["sessionToken"].get<std::string>();
}

IssuedCertificate WebCentral::issueCertificate(const std::string& key, const std::string& type) const {
  const auto token = sessionFor(key);
  const auto r = api("POST", "/v1/me/certificates", nlohmann::json{{"type", type}}.dump(),
                     {{"Authorization", "Bearer " + token}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
  const auto j = r.json();
  return {j["serial"].get<std::string>(), j["seal"].get<std::string>(), j["verificationCode"].get<std::string>()};
}

std::string WebCentral::file(const std::string& key, const std::string& service, const nlohmann::json& details) const {
  static std::atomic<int> sequence{0};
  const auto token = sessionFor(key);
  const std::string idempotencyKey = "web-test-" + std::to_string(now()) + "-" + std::to_string(++sequence);
  const auto r = api("POST", "/v1/me/filings", nlohmann::json{{"service", service}, {"details", details}}.dump(),
                     {{"Authorization", "Bearer " + token}, {"Idempotency-Key", idempotencyKey}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return r.json()["acceptanceNumber"].get<std::string>();
}

std::string WebCentral::progressState(const std::string& acceptanceNumber) const {
  const auto r = api("GET", "/v1/progress/" + acceptanceNumber);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  return r.json()["state"].get<std::string>();
}

Reply WebCentral::page(const std::string& method, const std::string& path, const std::string& body,
                       const httplib::Headers& headers) const {
  auto client = clientFor(server_->consolePort(), "");
  return send(*client, method, path, body, headers, "application/x-www-form-urlencoded");
}

void WebCentral::seedDemoConsole() {
  auto lease = server_->database().acquire();
  REQUIRE(lease.ok());
  auto seeded = web::seedDemoConsole(*lease.value(), now(), 480);
  REQUIRE_MESSAGE(seeded.ok(), seeded.error());
}

std::int64_t WebCentral::count(const std::string& sql, const std::vector<store::Value>& params) {
  auto lease = server_->database().acquire();
  REQUIRE(lease.ok());
  auto rows = lease.value()->query(sql, params);
  REQUIRE_MESSAGE(rows.ok(), rows.error().message);
  return rows->empty() ? 0 : rows.value()[0].integer(0);
}

}  // namespace onestop::central::webtest
