#pragma once
// A running central server: database, key ring, API and HTTPS transport put together.
// Used by onestop-central, by the integration tests, and by the kiosk demo, which embeds
// the server on loopback.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "api/central_api.hpp"
#include "core/result.hpp"
#include "http/https_server.hpp"
#include "seal/key_ring.hpp"
#include "store/database.hpp"
#include "web/console.hpp"

namespace onestop::central {

/// The staff console and the public verification page (central/web) on a listener of their
/// own: HTTPS with the server certificate only (browsers have no client certificate). Off
/// unless enabled.
struct ConsoleConfig {
  bool enabled = false;
  std::string host = "127.0.0.1";
  int port = 8444;                        ///< 0 = any free port
  std::filesystem::path certFile;         ///< empty: <tlsDir>/server.crt
  std::filesystem::path keyFile;          ///< empty: <tlsDir>/server.key
  web::ConsoleOptions options;            ///< utcOffsetMinutes is taken from api
};

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8443;                       ///< 0 = any free port
  std::string dbUrl;                     ///< SQLite path or postgresql://…
  std::filesystem::path tlsDir;          ///< ca.crt, server.crt, server.key, crl.pem (optional)
  std::filesystem::path keysDir;         ///< the seal key ring (created when missing)
  api::ApiOptions api;
  http::ServerOptions http;
  ConsoleConfig console;
  std::function<std::int64_t()> now = api::systemNow;
};

class CentralServer {
 public:
  /// Opens and migrates the database, opens the key ring, binds the port. Errors name
  /// the file, URL or port at fault.
  static core::Result<std::unique_ptr<CentralServer>> start(const ServerConfig& config);
  ~CentralServer();
  CentralServer(const CentralServer&) = delete;
  CentralServer& operator=(const CentralServer&) = delete;

  int port() const { return https_->port(); }
  std::string url() const;
  /// The console listener's port and base URL; 0 and "" when it is not enabled.
  int consolePort() const { return consoleHttps_ ? consoleHttps_->port() : 0; }
  std::string consoleUrl() const;
  store::Database& database() { return *db_; }
  const api::CentralApi& api() const { return *api_; }
  /// Blocks until stop() (from another thread or a signal handler thread).
  void wait();
  void stop();

 private:
  CentralServer() = default;
  ServerConfig config_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<seal::KeyRing> keys_;
  std::unique_ptr<api::CentralApi> api_;
  std::unique_ptr<http::HttpsServer> https_;
  std::thread serving_;
  std::unique_ptr<web::StaffConsole> console_;
  std::unique_ptr<http::HttpsServer> consoleHttps_;
  std::thread consoleServing_;
};

/// The demo set-up under `outDir`: dev PKI in outDir/pki (made once by
/// central/pki/make-dev-pki.sh), database outDir/central/demo.db with the demo citizens,
/// keys in outDir/central/keys. Returns the config to start.
core::Result<ServerConfig> prepareDemo(const std::filesystem::path& outDir, const std::string& host, int port);

}  // namespace onestop::central
