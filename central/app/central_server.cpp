#include "app/central_server.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <spdlog/spdlog.h>

#include "api/schema.hpp"
#include "seal/key_store.hpp"

namespace onestop::central {
namespace {

std::string httpsUrl(const std::string& host, int port) {
  const bool v6 = host.find(':') != std::string::npos;
  return "https://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// The console's listener: its own HTTPS server with the server certificate only.
core::Result<std::unique_ptr<http::HttpsServer>> startConsoleListener(const ServerConfig& config,
                                                                      const web::StaffConsole& console) {
  const auto cert = config.console.certFile.empty() ? config.tlsDir / "server.crt" : config.console.certFile;
  const auto key = config.console.keyFile.empty() ? config.tlsDir / "server.key" : config.console.keyFile;
  http::ServerOptions options = config.http;
  options.requireClientCertificate = false;
  auto https = http::HttpsServer::create(http::TlsFiles{"", cert.string(), key.string(), ""}, options);
  if (!https) return core::Error{"console: " + https.error()};
  web::mountConsoleOn(https.value()->routes(), console);
  auto port = https.value()->bind(config.console.host, config.console.port);
  if (!port) return core::Error{"console: " + port.error()};
  return std::move(https.value());
}

}  // namespace

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
  if (config.console.enabled) {
    auto options = config.console.options;
    options.utcOffsetMinutes = config.api.utcOffsetMinutes;
    s->console_ = std::make_unique<web::StaffConsole>(*s->db_, *s->keys_, options, config.now);
    auto listener = startConsoleListener(config, *s->console_);
    if (!listener) return core::Error{listener.error()};
    s->consoleHttps_ = std::move(listener.value());
    s->consoleServing_ = std::thread([server = s.get()] { server->consoleHttps_->run(); });
    spdlog::info("central: staff console and verification page on {}", s->consoleUrl());
  }
  s->serving_ = std::thread([server = s.get()] { server->https_->run(); });
  spdlog::info("central: listening on {}", s->url());
  return s;
}

CentralServer::~CentralServer() { stop(); }

std::string CentralServer::url() const { return httpsUrl(config_.host, port()); }

std::string CentralServer::consoleUrl() const {
  return consoleHttps_ ? httpsUrl(config_.console.host, consolePort()) : std::string();
}

void CentralServer::wait() {
  if (serving_.joinable()) serving_.join();
}

void CentralServer::stop() {
  if (consoleHttps_) consoleHttps_->stop();
  if (https_) https_->stop();
  if (consoleServing_.joinable()) consoleServing_.join();
  if (serving_.joinable()) serving_.join();
}

}  // namespace onestop::central
