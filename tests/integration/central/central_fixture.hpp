#pragma once
// A real central server for one test: fresh database (SQLite or PostgreSQL) with the demo
// citizens, fresh seal keys, the dev PKI, mutual TLS on 127.0.0.1, a clock the test can
// move; and clients that present a kiosk, staff, revoked, foreign or no certificate.
#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "app/central_server.hpp"
#include "http/httplib.hpp"

namespace onestop::central::test {

/// The dev PKI for tests (made once per build tree by central/pki/make-dev-pki.sh).
const std::string& pkiDir();

enum class Backend { Sqlite, Postgres };
const char* backendName(Backend b);
/// SQLite always; PostgreSQL when the ctest fixture provides a server.
std::vector<Backend> backends();

struct Reply {
  int status = 0;              ///< 0 = no HTTP response (connection or handshake refused)
  std::string body;
  std::string contentType;
  httplib::Headers headers;
  nlohmann::json json() const;
  std::string code() const;    ///< problem+json "code", or ""
};

class TestCentral {
 public:
  /// Starts a server on a fresh database of `backend`.
  TestCentral(Backend backend, api::ApiOptions options = {});
  ~TestCentral();

  /// Stops and starts the server again on the same database and keys (a restart).
  void restart();
  void advanceClock(std::int64_t seconds) { offset_ += seconds; }
  int port() const { return server_->port(); }
  /// Stops the server (the database stays); restart() brings it back on the same port.
  void stopServer() { server_->stop(); }
  std::int64_t now() const;

  /// A client presenting `certBase` (e.g. "kiosks/KIOSK-TEST-01"; "" = no certificate).
  std::unique_ptr<httplib::SSLClient> client(const std::string& certBase = "kiosks/KIOSK-TEST-01") const;

  Reply get(const std::string& path, const httplib::Headers& headers = {},
            const std::string& cert = "kiosks/KIOSK-TEST-01") const;
  Reply post(const std::string& path, const std::string& body, const httplib::Headers& headers = {},
             const std::string& cert = "kiosks/KIOSK-TEST-01") const;
  Reply del(const std::string& path, const httplib::Headers& headers = {},
            const std::string& cert = "kiosks/KIOSK-TEST-01") const;

  /// Identifies the demo person `key` (assets/demo/people.json) by card; returns the token.
  std::string sessionFor(const std::string& key, const std::string& cert = "kiosks/KIOSK-TEST-01") const;
  static nlohmann::json cardOf(const std::string& key);
  static httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

  /// Direct SQL on the server's database (for checks "nothing was written").
  std::int64_t count(const std::string& sql, const std::vector<store::Value>& params = {});
  store::Database& database() { return server_->database(); }

 private:
  ServerConfig config_;
  std::unique_ptr<CentralServer> server_;
  std::atomic<std::int64_t> offset_{0};
};

}  // namespace onestop::central::test
