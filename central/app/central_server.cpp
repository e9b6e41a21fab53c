#include "app/central_server.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <spdlog/spdlog.h>

#include "api/schema.hpp"
#include "seal/key_store.hpp"

namespace onestop::central {

core::Result<std::unique_ptr<CentralServer>> CentralServer::start(const ServerConfig& config) {
  std::unique_ptr<CentralServer> s(new CentralServer());
  s->config_ = config;
  store::OpenOptions dbOptions;
  dbOptions.poolSize = std::max(config.http.threads, 4);
  dbOptions.serializable = false;   // see OpenOptions::serializable
  auto db = store::Database::open(config.dbUrl, dbOptions);
  if (!db) return core::Error{"database " + config.dbUrl + ": " + db.error().message};
  s->db_ = std::move(db.value());
  auto version = store::migrate(*s->db_, api::centralMigrations());
  if (!version) return core::Error{"database " + s->db_->describe() + ": migration failed: " + version.error().message};
  spdlog::info("central: database {} at schema version {}", s->db_->describe(), version.value());

  auto ring = seal::openKeyRing(config.keysDir, seal::KeyPolicy{}, config.now());
  if (!ring) return core::Error{"seal keys in " + config.keysDir.string() + ": " + ring.error()};
  s->keys_ = std::make_unique<seal::KeyRing>(std::move(ring.value()));

  s->api_ = std::make_unique<api::CentralApi>(*s->db_, *s->keys_, config.api, config.now);
  http::TlsFiles files{(config.tlsDir / "ca.crt").string(), (config.tlsDir / "server.crt").string(),
                       (config.tlsDir / "server.key").string(),
                       std::filesystem::exists(config.tlsDir / "crl.pem") ? (config.tlsDir / "crl.pem").string() : ""};
  auto https = http::HttpsServer::create(files, config.http);
  if (!https) return core::Error{https.error()};
  s->https_ = std::move(https.value());
  api::mountOn(s->https_->routes(), *s->api_);
  auto port = s->https_->bind(config.host, config.port);
  if (!port) return core::Error{port.error()};
  s->serving_ = std::thread([server = s.get()] { server->https_->run(); });
  spdlog::info("central: listening on {}", s->url());
  return s;
}

CentralServer::~CentralServer() { stop(); }

std::string CentralServer::url() const {
  const bool v6 = config_.host.find(':') != std::string::npos;
  return "https://" + (v6 ? "[" + config_.host + "]" : config_.host) + ":" + std::to_string(port());
}

void CentralServer::wait() {
  if (serving_.joinable()) serving_.join();
}

void CentralServer::stop() {
  if (https_) https_->stop();
  if (serving_.joinable()) serving_.join();
}

}  // namespace onestop::central
