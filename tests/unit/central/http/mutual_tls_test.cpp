// Mutual TLS end to end: a real server on loopback, clients with and without certificates.
// The point of every refusal case: the handler never runs.
#include <cstdint>
#include <mutex>
#include <sstream>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "test_support.hpp"

namespace onestop::central::http::test {
namespace {

/// A sink that keeps the log in a string, readable while the server thread writes to it.
class StringSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::string text() {
    std::lock_guard lock(this->mutex_);
    return text_;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    this->formatter_->format(msg, formatted);
    text_.append(formatted.data(), formatted.size());
  }
  void flush_() override {}

 private:
  std::string text_;
};

/// Routes spdlog's default logger into a string for the lifetime of the object.
class CapturedLog {
 public:
  CapturedLog() : previous_(spdlog::default_logger()), sink_(std::make_shared<StringSink>()) {
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink_));
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;
  std::string text() { return sink_->text(); }
  /// The text once it holds `needle`, or after 3 s. The server thread logs a refusal after
  /// the client already saw the handshake fail, so the line may come a moment later.
  std::string waitFor(const std::string& needle) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    std::string now = text();
    while (now.find(needle) == std::string::npos && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      now = text();
    }
    return now;
  }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::shared_ptr<StringSink> sink_;
};

/// Outcome of a handshake made with raw OpenSSL, for protocol versions httplib cannot pick.
struct RawHandshake {
  bool connected = false;
  int reason = 0;  ///< ERR_GET_REASON of the first error when not connected
};

RawHandshake handshakeWith(int port, int maxVersion, const std::string& certBase) {
  RawHandshake outcome;
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  REQUIRE(ctx != nullptr);
  // Let this client offer old protocols at all (OpenSSL 3 forbids them at level >= 1), so
  // that the refusal we see is the server's.
  SSL_CTX_set_security_level(ctx, 0);
  SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
  SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
  SSL_CTX_set_max_proto_version(ctx, maxVersion);
  REQUIRE(SSL_CTX_use_certificate_file(ctx, pki(certBase + ".crt").c_str(), SSL_FILETYPE_PEM) == 1);
  REQUIRE(SSL_CTX_use_PrivateKey_file(ctx, pki(certBase + ".key").c_str(), SSL_FILETYPE_PEM) == 1);

  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);

  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, sock);
  ERR_clear_error();
  outcome.connected = SSL_connect(ssl) == 1;
  if (!outcome.connected) outcome.reason = ERR_GET_REASON(ERR_peek_error());
  ERR_clear_error();
  SSL_free(ssl);
  ::close(sock);
  SSL_CTX_free(ctx);
  return outcome;
}

}  // namespace

TEST_CASE("a kiosk certificate from the agency CA is served, with the identity from the certificate") {
  TestServer server;
  auto client = clientWith(server.port(), "kiosks/KIOSK-TEST-01");
  auto res = client->Get("/whoami");
  REQUIRE_MESSAGE(res, httplib::to_string(res.error()));
  CHECK(res->status == 200);
  CHECK(res->body == "KIOSK-TEST-01/kiosk");
  CHECK(server.handlerRuns == 1);
}

TEST_CASE("a staff certificate carries the staff role") {
  TestServer server;
  auto res = clientWith(server.port(), "staff/STAFF-DEMO-01")->Get("/whoami");
  REQUIRE(res);
  CHECK(res->body == "STAFF-DEMO-01/staff");
}

TEST_CASE("a header naming another kiosk has no effect on the identity") {
  TestServer server;
  auto client = clientWith(server.port(), "kiosks/KIOSK-TEST-01");
  auto res = client->Get("/whoami", httplib::Headers{{"X-Kiosk-Id", "KIOSK-DEMO-01"},
                                                     {"X-Client-Cert-CN", "KIOSK-DEMO-02"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == "KIOSK-TEST-01/kiosk");
}

TEST_CASE("a client without a certificate is refused in the handshake, before any handler") {
  CapturedLog log;
  TestServer server;
  auto res = clientWith(server.port(), "")->Get("/whoami");
  CHECK_FALSE(res);
  CHECK(server.handlerRuns == 0);
  CHECK(log.waitFor("did not return a certificate").find("refused client 127.0.0.1:") != std::string::npos);
  CHECK(log.text().find("did not return a certificate") != std::string::npos);
  // The server keeps serving others.
  auto ok = clientWith(server.port(), "kiosks/KIOSK-DEMO-01")->Get("/whoami");
  REQUIRE(ok);
  CHECK(ok->status == 200);
  CHECK(server.handlerRuns == 1);
}

TEST_CASE("a kiosk certificate from another CA is refused, before any handler") {
  CapturedLog log;
  TestServer server;
  auto res = clientWith(server.port(), "other-ca/kiosks/KIOSK-ROGUE-01")->Get("/whoami");
  CHECK_FALSE(res);
  CHECK(server.handlerRuns == 0);
  const std::string text = log.waitFor("issuer 'OneStop Rogue CA'");
  CHECK(text.find("unable to get local issuer certificate") != std::string::npos);
  CHECK(text.find("issuer 'OneStop Rogue CA'") != std::string::npos);
  CHECK(text.find("KIOSK-ROGUE-01") == std::string::npos);  // serial and issuer, not subject
}

TEST_CASE("a revoked kiosk certificate is refused, before any handler") {
  CapturedLog log;
  TestServer server;
  auto res = clientWith(server.port(), "kiosks/KIOSK-REVOKED-01")->Get("/whoami");
  CHECK_FALSE(res);
  CHECK(server.handlerRuns == 0);
  CHECK(log.waitFor("certificate revoked").find("certificate revoked") != std::string::npos);
  CHECK(log.text().find("KIOSK-REVOKED-01") == std::string::npos);
}

TEST_CASE("without a CRL file the revoked certificate is accepted (the CRL is what refuses it)") {
  TestServer server(ServerOptions{}, devTlsFiles(false));
  auto res = clientWith(server.port(), "kiosks/KIOSK-REVOKED-01")->Get("/whoami");
  REQUIRE(res);
  CHECK(res->body == "KIOSK-REVOKED-01/kiosk");
}

TEST_CASE("a client limited to TLS 1.1 is refused with a protocol-version alert") {
  TestServer server;
  const auto old = handshakeWith(server.port(), TLS1_1_VERSION, "kiosks/KIOSK-TEST-01");
  CHECK_FALSE(old.connected);
  CHECK(old.reason == SSL_R_TLSV1_ALERT_PROTOCOL_VERSION);
  // The same raw client is accepted with TLS 1.2: the refusal was about the version.
  const auto current = handshakeWith(server.port(), TLS1_2_VERSION, "kiosks/KIOSK-TEST-01");
  CHECK(current.connected);
  CHECK(server.handlerRuns == 0);
}

}  // namespace onestop::central::http::test
