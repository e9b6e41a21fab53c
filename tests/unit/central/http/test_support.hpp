#pragma once
// Shared by the HTTPS tests: the dev PKI (made once per build tree by make-dev-pki.sh), a
// real server on 127.0.0.1 with a counting handler, and clients that present a certificate.
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <doctest/doctest.h>

#include "http/https_server.hpp"

namespace onestop::central::http::test {

/// Output (stdout and stderr) and exit status of a shell command.
struct CommandResult {
  int status = -1;
  std::string output;
};

inline CommandResult runCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) result.output += buffer;
  result.status = ::pclose(pipe);
  return result;
}

inline std::string pkiScript() { return std::string(ONESTOP_SOURCE_ROOT) + "/central/pki/make-dev-pki.sh"; }

/// The dev PKI directory, made (or completed) on first use in this process.
inline const std::string& pkiDir() {
  static const std::string dir = [] {
    const std::string path = ONESTOP_TEST_PKI_DIR;
    const auto made = runCommand("bash '" + pkiScript() + "' '" + path + "'");
    REQUIRE_MESSAGE(made.status == 0, made.output);
    return path;
  }();
  return dir;
}

inline std::string pki(const std::string& relative) { return pkiDir() + "/" + relative; }

inline TlsFiles devTlsFiles(bool withCrl = true) {
  return TlsFiles{pki("ca.crt"), pki("server.crt"), pki("server.key"), withCrl ? pki("crl.pem") : ""};
}

/// A started server whose routes count the handler runs and echo the caller's identity.
class TestServer {
 public:
  using Routes = std::function<void(httplib::Server&)>;

  explicit TestServer(const ServerOptions& options = {}, const TlsFiles& files = devTlsFiles(),
                      const Routes& moreRoutes = {}) {
    auto created = HttpsServer::create(files, options);
    REQUIRE_MESSAGE(created.ok(), created.error());
    server_ = std::move(created.value());
    auto identityEcho = [this](const httplib::Request& req, httplib::Response& res) {
      ++handlerRuns;
      const auto who = clientIdentity(req);
      res.set_content(who ? who->commonName + "/" + who->organizationalUnit : "anonymous", "text/plain");
    };
    server_->routes().Get("/whoami", identityEcho);
    server_->routes().Post("/whoami", identityEcho);
    if (moreRoutes) moreRoutes(server_->routes());
    auto bound = server_->bind("127.0.0.1", 0);
    REQUIRE_MESSAGE(bound.ok(), bound.error());
    thread_ = std::thread([this] { server_->run(); });
  }
  ~TestServer() {
    server_->stop();
    thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return server_->port(); }
  HttpsServer& server() { return *server_; }

  std::atomic<int> handlerRuns{0};

 private:
  std::unique_ptr<HttpsServer> server_;
  std::thread thread_;
};

/// An HTTPS client that trusts the agency CA and presents `certBase`.crt/.key (relative to
/// the PKI directory), or no certificate when `certBase` is empty.
inline std::unique_ptr<httplib::SSLClient> clientWith(int port, const std::string& certBase) {
  auto client = certBase.empty()
                    ? std::make_unique<httplib::SSLClient>("127.0.0.1", port)
                    : std::make_unique<httplib::SSLClient>("127.0.0.1", port, pki(certBase + ".crt"),
                                                           pki(certBase + ".key"));
  client->set_ca_cert_path(pki("ca.crt").c_str());
  client->enable_server_certificate_verification(true);
  client->set_connection_timeout(5, 0);
  client->set_read_timeout(5, 0);
  client->set_write_timeout(5, 0);
  return client;
}

}  // namespace onestop::central::http::test
