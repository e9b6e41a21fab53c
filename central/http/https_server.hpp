#pragma once
// The central server's transport: HTTPS on cpp-httplib. By default with mutual TLS: clients
// that present no certificate, one from another CA, or a revoked one are refused in the TLS
// handshake, before any handler runs; handlers learn who is calling from clientIdentity().
// With requireClientCertificate = false (the staff console and the public verification page,
// whose users log in or need no identity) only the server authenticates itself.
//
//   auto server = HttpsServer::create(files, options);      // errors name the file at fault
//   server.value()->routes().Get("/v1/ping", handler);
//   auto port = server.value()->bind("0.0.0.0", 8443);
//   std::thread serving([&] { server.value()->run(); });
//   …
//   server.value()->stop();
//   serving.join();
#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "http/client_identity.hpp"
#include "http/httplib.hpp"
#include "http/tls_context.hpp"

namespace onestop::central::http {

/// Limits, range-checked by HttpsServer::create.
struct ServerOptions {
  std::size_t maxBodyBytes = 64 * 1024;  ///< larger request bodies get 413, no handler runs
  int threads = 8;                       ///< worker threads, each serving one connection
  int readTimeoutSeconds = 10;           ///< also bounds the TLS handshake
  int writeTimeoutSeconds = 10;
  int keepAliveSeconds = 5;              ///< idle time before a kept-alive connection closes
  int keepAliveMaxRequests = 100;        ///< requests per connection
  /// true: mutual TLS against TlsFiles::caCert (the API). false: server certificate only,
  /// no client certificate asked for; caCert and crl are then not used.
  bool requireClientCertificate = true;
};

class HttpsServer {
 public:
  /// Loads the TLS files and applies the options; the error names the file and the problem.
  static core::Result<std::unique_ptr<HttpsServer>> create(const TlsFiles& files, const ServerOptions& options = {});

  /// Stops listening. The thread running run() must have been joined before destruction.
  ~HttpsServer();
  HttpsServer(const HttpsServer&) = delete;
  HttpsServer& operator=(const HttpsServer&) = delete;

  /// Where the API layer registers its handlers (before run()). The server installs the
  /// pre-routing and exception handlers of request_guards.hpp; keep them if you replace them.
  httplib::Server& routes();

  /// Binds host:port; port 0 picks a free port. Returns the bound port.
  core::Result<int> bind(const std::string& host, int port);

  /// Serves until stop(); blocks, so call it from its own thread. Returns at once if not
  /// bound or already stopped.
  void run();

  /// Closes the listening socket, so run() returns (at once if it has not started). Safe
  /// from any thread and more than once. Open connections end first: run() may take up to
  /// keepAliveSeconds to return while a client holds an idle kept-alive connection.
  void stop();

  /// The bound port; 0 before bind().
  int port() const { return port_; }

 private:
  class Listener;  // httplib::SSLServer that can close its socket before or while listening
  explicit HttpsServer(std::unique_ptr<Listener> listener);

  std::unique_ptr<Listener> listener_;
  std::atomic<int> port_{0};
  std::atomic<bool> stopped_{false};
  bool mutualTls_ = true;
};

}  // namespace onestop::central::http
