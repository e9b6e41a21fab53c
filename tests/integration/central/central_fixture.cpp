#include "central_fixture.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "api/clock.hpp"
#include "api/schema.hpp"
#include "demo/people_file.hpp"
#include "demo/seed.hpp"
#include "support/test_db.hpp"

namespace onestop::central::test {
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

namespace {

Reply toReply(const httplib::Result& r) {
  Reply reply;
  if (!r) return reply;
  reply.status = r->status;
  reply.body = r->body;
  reply.contentType = r->get_header_value("Content-Type");
  reply.headers = r->headers;
  return reply;
}

const nlohmann::json& peopleFile() {
  static const nlohmann::json people = [] {
    std::ifstream in(std::string(ONESTOP_SOURCE_ROOT) + "/assets/demo/people.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
  }();
  return people;
}

}  // namespace

const char* backendName(Backend b) { return b == Backend::Sqlite ? "sqlite" : "postgresql"; }

std::vector<Backend> backends() {
  std::vector<Backend> list{Backend::Sqlite};
  if (std::getenv("ONESTOP_TEST_PG_URL_FILE")) list.push_back(Backend::Postgres);
  return list;
}

nlohmann::json Reply::json() const { return nlohmann::json::parse(body, nullptr, false); }

std::string Reply::code() const {
  const auto j = json();
  return j.is_object() ? j.value("code", "") : "";
}

TestCentral::TestCentral(Backend backend, api::ApiOptions options) {
  config_.host = "127.0.0.1";
  config_.port = 0;
  config_.dbUrl = backend == Backend::Sqlite ? onestop::test::freshSqlitePath("central-it")
                                             : onestop::test::freshPostgresUrl("central_it");
  REQUIRE(!config_.dbUrl.empty());
  config_.tlsDir = pkiDir();
  config_.keysDir = std::filesystem::path(onestop::test::freshSqlitePath("central-keys")).concat(".keys");
  config_.api = options;
  config_.http.threads = 8;
  config_.now = [this] { return api::systemNow() + offset_.load(); };

  // The demo citizens, as the demo seeds them.
  auto db = store::Database::open(config_.dbUrl);
  REQUIRE_MESSAGE(db.ok(), db.error().message);
  auto migrated = store::migrate(*db.value(), api::centralMigrations());
  REQUIRE_MESSAGE(migrated.ok(), migrated.error().message);
  auto people = demo::loadDemoPeople(demo::defaultDemoPeoplePath());
  REQUIRE_MESSAGE(people.ok(), people.error());
  auto lease = db.value()->acquire();
  REQUIRE(lease.ok());
  auto seeded = demo::seedDemoCitizens(*lease.value(), people.value(), api::localDay(now(), 480));
  REQUIRE_MESSAGE(seeded.ok(), seeded.error().message);
  restart();
}

TestCentral::~TestCentral() {
  if (server_) server_->stop();
}

void TestCentral::restart() {
  if (server_) server_->stop();
  server_.reset();
  auto started = CentralServer::start(config_);
  REQUIRE_MESSAGE(started.ok(), started.error());
  server_ = std::move(started.value());
  // Later starts reuse the port, so clients made before a restart still reach it.
  config_.port = server_->port();
}

std::int64_t TestCentral::now() const { return api::systemNow() + offset_.load(); }

std::unique_ptr<httplib::SSLClient> TestCentral::client(const std::string& certBase) const {
  const auto& pki = pkiDir();
  auto c = certBase.empty() ? std::make_unique<httplib::SSLClient>("127.0.0.1", server_->port())
                            : std::make_unique<httplib::SSLClient>("127.0.0.1", server_->port(),
                                                                   pki + "/" + certBase + ".crt",
                                                                   pki + "/" + certBase + ".key");
  c->set_ca_cert_path((pki + "/ca.crt").c_str());
  c->enable_server_certificate_verification(true);
  c->set_connection_timeout(5, 0);
  c->set_read_timeout(10, 0);
  c->set_keep_alive(false);
  return c;
}

Reply TestCentral::get(const std::string& path, const httplib::Headers& headers, const std::string& cert) const {
  return toReply(client(cert)->Get(path.c_str(), headers));
}

Reply TestCentral::post(const std::string& path, const std::string& body, const httplib::Headers& headers,
                        const std::string& cert) const {
  return toReply(client(cert)->Post(path.c_str(), headers, body, "application/json"));
}

Reply TestCentral::del(const std::string& path, const httplib::Headers& headers, const std::string& cert) const {
  return toReply(client(cert)->Delete(path.c_str(), headers));
}

nlohmann::json TestCentral::cardOf(const std::string& key) {
  for (const auto& p : peopleFile()["people"]) {
    if (p["key"] != key) continue;
    const auto& c = p["card"];
    nlohmann::json card = {{"type", c["type"]},         {"idNumber", c["idNumber"]},   {"name", c["name"]},
                           {"gender", c["gender"]},     {"birthDate", c["birthDate"]}, {"validFrom", c["validFrom"]},
                           {"validTo", c["validTo"]}};
    if (c.contains("englishName")) card["englishName"] = c["englishName"];
    if (c.contains("nationality")) card["nationality"] = c["nationality"];
    return card;
  }
  FAIL("no demo person " << key);
  return {};
}

std::string TestCentral::sessionFor(const std::string& key, const std::string& cert) const {
  const auto r = post("/v1/identify", nlohmann::json{{"method", "id_card"}, {"card", cardOf(key)}}.dump(), {}, cert);
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return r.json()["sessionToken"].get<std::string>();
}

std::int64_t TestCentral::count(const std::string& sql, const std::vector<store::Value>& params) {
  auto lease = server_->database().acquire();
  REQUIRE(lease.ok());
  auto rows = lease.value()->query(sql, params);
  REQUIRE_MESSAGE(rows.ok(), rows.error().message);
  return rows->empty() ? 0 : rows.value()[0].integer(0);
}

}  // namespace onestop::central::test
