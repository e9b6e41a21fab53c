#include "http/https_server.hpp"

#include <optional>

#include <sys/socket.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include "http/request_guards.hpp"

namespace onestop::central::http {

using core::Error;
using core::Result;

/// httplib's Server::stop() acts only once the accept loop runs, so a stop() that races a
/// starting run() would be lost; closing the listening socket ourselves works in every state
/// (the accept loop ends when it finds the socket gone) and also frees a socket that was
/// bound but never served.
class HttpsServer::Listener : public httplib::SSLServer {
 public:
  using httplib::SSLServer::SSLServer;
  ~Listener() override { closeSocket(); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  void closeSocket() {
    const socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
    if (sock == INVALID_SOCKET) return;
    ::shutdown(sock, SHUT_RDWR);  // wakes the accept loop's poll
    ::close(sock);
  }
};

namespace {

std::optional<Error> checkOptions(const ServerOptions& o) {
  auto outside = [](int value, int low, int high) { return value < low || value > high; };
  if (o.maxBodyBytes == 0 || o.maxBodyBytes > 64u * 1024 * 1024)
    return Error{"maxBodyBytes must be 1 … 67108864 (64 MiB), got " + std::to_string(o.maxBodyBytes)};
  if (outside(o.threads, 1, 256)) return Error{"threads must be 1 … 256, got " + std::to_string(o.threads)};
  if (outside(o.readTimeoutSeconds, 1, 300))
    return Error{"readTimeoutSeconds must be 1 … 300, got " + std::to_string(o.readTimeoutSeconds)};
  if (outside(o.writeTimeoutSeconds, 1, 300))
    return Error{"writeTimeoutSeconds must be 1 … 300, got " + std::to_string(o.writeTimeoutSeconds)};
  if (outside(o.keepAliveSeconds, 1, 300))
    return Error{"keepAliveSeconds must be 1 … 300, got " + std::to_string(o.keepAliveSeconds)};
  if (outside(o.keepAliveMaxRequests, 1, 100000))
    return Error{"keepAliveMaxRequests must be 1 … 100000, got " + std::to_string(o.keepAliveMaxRequests)};
  return std::nullopt;
}

void applyLimits(httplib::Server& server, const ServerOptions& o) {
  server.set_payload_max_length(o.maxBodyBytes);
  server.set_read_timeout(o.readTimeoutSeconds, 0);
  server.set_write_timeout(o.writeTimeoutSeconds, 0);
  server.set_keep_alive_timeout(o.keepAliveSeconds);
  server.set_keep_alive_max_count(static_cast<std::size_t>(o.keepAliveMaxRequests));
  const auto threads = static_cast<std::size_t>(o.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };  // httplib owns it
  // httplib's default also sets SO_REUSEPORT, which lets a second server (or another
  // program of the same user) bind the same port and silently take half the connections.
  server.set_socket_options([](socket_t sock) {
    const int on = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  });
  server.set_tcp_nodelay(true);
}

}  // namespace

HttpsServer::HttpsServer(std::unique_ptr<Listener> listener) : listener_(std::move(listener)) {}

HttpsServer::~HttpsServer() { stop(); }

Result<std::unique_ptr<HttpsServer>> HttpsServer::create(const TlsFiles& files, const ServerOptions& options) {
  if (auto problem = checkOptions(options)) return *problem;
  std::optional<Error> tlsProblem;
  const bool mutual = options.requireClientCertificate;
  auto listener = std::make_unique<Listener>([&](SSL_CTX& ctx) {
    tlsProblem = mutual ? configureMutualTls(ctx, files) : configureServerOnlyTls(ctx, files);
    return !tlsProblem;
  });
  if (tlsProblem) return *tlsProblem;
  if (!listener->is_valid()) return Error{"TLS: cannot create an OpenSSL context"};
  applyLimits(*listener, options);
  installRequestGuards(*listener, mutual);
  std::unique_ptr<HttpsServer> server(new HttpsServer(std::move(listener)));
  server->mutualTls_ = mutual;
  return server;
}

httplib::Server& HttpsServer::routes() { return *listener_; }

Result<int> HttpsServer::bind(const std::string& host, int port) {
  if (stopped_) return Error{"bind: the server is stopped"};
  if (port_ != 0) return Error{"bind: already bound to port " + std::to_string(port_)};
  if (host.empty()) return Error{"bind: no host given (use 127.0.0.1, 0.0.0.0 or ::)"};
  if (port < 0 || port > 65535) return Error{"bind: port must be 0 … 65535, got " + std::to_string(port)};
  const std::string where = host + ":" + std::to_string(port);
  if (port == 0) {
    const int bound = listener_->bind_to_any_port(host);
    if (bound <= 0) return Error{"bind: cannot listen on " + where + " (is the host an address of this machine?)"};
    port_ = bound;
  } else {
    if (!listener_->bind_to_port(host, port))
      return Error{"bind: cannot listen on " + where +
                   " (port in use, below 1024 without privilege, or not an address of this machine)"};
    port_ = port;
  }
  spdlog::info("https: listening on {}:{} ({})", host, port_.load(), mutualTls_ ? "mutual TLS" : "server TLS only");
  return port_.load();
}

void HttpsServer::run() {
  if (port_ == 0) {
    spdlog::error("https: run() before a successful bind()");
    return;
  }
  if (stopped_) return;
  listener_->listen_after_bind();  // returns at once if stop() already closed the socket
}

void HttpsServer::stop() {
  stopped_ = true;
  listener_->closeSocket();
}

}  // namespace onestop::central::http
