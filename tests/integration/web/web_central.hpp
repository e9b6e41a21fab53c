#pragma once
// A real onestop-central for web tests: fresh database (SQLite or PostgreSQL) with the demo
// citizens, fresh seal keys, the dev PKI; the API over mutual TLS and the console listener
// (server certificate only) both on 127.0.0.1. Used by the console's HTTPS tests and by the
// browser tests (tests/browser).
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/central_server.hpp"
#include "http/httplib.hpp"

namespace onestop::central::webtest {

enum class Backend { Sqlite, Postgres };
std::vector<Backend> backends();
const char* backendName(Backend b);

/// The dev PKI for these tests (made once per build tree by central/pki/make-dev-pki.sh).
const std::string& pkiDir();

struct Reply {
  int status = 0;  ///< 0 = no HTTP response (connection or handshake refused)
  std::string body;
  httplib::Headers headers;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const;
};

struct IssuedCertificate {
  std::string serial, seal, code;
};

class WebCentral {
 public:
  explicit WebCentral(Backend backend = Backend::Sqlite);
  ~WebCentral();
  WebCentral(const WebCentral&) = delete;
  WebCentral& operator=(const WebCentral&) = delete;

  std::string consoleUrl() const { return server_->consoleUrl(); }
  int consolePort() const { return server_->consolePort(); }
  int apiPort() const { return server_->port(); }
  std::int64_t now() const;
  void advanceClock(std::int64_t seconds) { offset_ += seconds; }

  /// The /v1 API with a client certificate (`cert` relative to the PKI; "" = none).
  Reply api(const std::string& method, const std::string& path, const std::string& body = "",
            const httplib::Headers& headers = {}, const std::string& cert = "kiosks/KIOSK-TEST-01") const;
  std::string sessionFor(const std::string& key) const;
  IssuedCertificate issueCertificate(const std::string& key, const std::string& type = "participation") const;
  /// Files a change for the demo person `key` as a kiosk; returns the acceptance number.
  std::string file(const std::string& key, const std::string& service, const nlohmann::json& details) const;
  /// The filing's state as GET /v1/progress reports it.
  std::string progressState(const std::string& acceptanceNumber) const;

  /// A console request without a client certificate, as a browser makes it.
  Reply page(const std::string& method, const std::string& path, const std::string& body = "",
             const httplib::Headers& headers = {}) const;

  /// The demo staff accounts (password "onestop-demo") and filings waiting for review.
  void seedDemoConsole();

  std::int64_t count(const std::string& sql, const std::vector<store::Value>& params = {});
  store::Database& database() { return server_->database(); }

 private:
  ServerConfig config_;
  std::unique_ptr<CentralServer> server_;
  std::atomic<std::int64_t> offset_{0};
};

}  // namespace onestop::central::webtest
