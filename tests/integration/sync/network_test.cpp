// The network thread against the real server: trust, pinning, and every way an exchange
// can fail, each reported as its own kind and never as a hang.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "central_fixture.hpp"
#include "sync/network.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;

namespace {

TrustConfig trustFor(int port, const std::string& kiosk = "kiosks/KIOSK-TEST-01") {
  TrustConfig t;
  t.serverUrl = "https://127.0.0.1:" + std::to_string(port);
  t.caCert = pkiDir() + "/ca.crt";
  t.clientCert = pkiDir() + "/" + kiosk + ".crt";
  t.clientKey = pkiDir() + "/" + kiosk + ".key";
  t.connectTimeoutMs = 2000;
  t.lowSpeedSeconds = 2;
  return t;
}

HttpResult exchange(Network& net, HttpRequest request) {
  std::promise<HttpResult> promise;
  auto future = promise.get_future();
  net.submit(std::move(request), [&](std::uint64_t, HttpResult r) { promise.set_value(std::move(r)); });
  REQUIRE(future.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  return future.get();
}

HttpRequest get(const std::string& path, long timeoutMs = 10000) {
  HttpRequest r;
  r.path = path;
  r.totalTimeoutMs = timeoutMs;
  return r;
}

// A TCP server on loopback that accepts and then answers with `reply` one byte per
// `pauseMs` (or never, when reply is empty). Returns its port.
class StubbornServer {
 public:
  StubbornServer(std::string reply, int pauseMs) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(fd_, 4) == 0);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this, reply = std::move(reply), pauseMs] {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      for (char ch : reply) {
        if (stop_) break;
        if (::send(c, &ch, 1, MSG_NOSIGNAL) != 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
      }
      while (!stop_) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      ::close(c);
    });
  }
  ~StubbornServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

TEST_CASE("the network thread talks mutual TLS to the central server, with the server key pinned") {
  TestCentral central(Backend::Sqlite);
  auto trust = trustFor(central.port());
  auto pin = publicKeyPin(pkiDir() + "/server.crt");
  REQUIRE(pin.ok());
  trust.pins = {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", pin.value()};   // next key + current
  CHECK_FALSE(checkTrust(trust).has_value());
  Network net(trust);
  auto r = exchange(net, get("/v1/keys"));
  REQUIRE_MESSAGE(r.answered(), r.errorText);
  CHECK(r.status == 200);
  CHECK(r.body.find("Ed25519") != std::string::npos);
  CHECK(r.headers.count("cache-control") == 1);

  HttpRequest post;
  post.method = "POST";
  post.path = "/v1/queue-tickets";
  post.body = R"({"service":"retirement_claim"})";
  r = exchange(net, post);
  REQUIRE(r.answered());
  CHECK(r.status == 201);
}

TEST_CASE("refused trust: an unpinned server key, a CA we do not trust, a revoked kiosk") {
  TestCentral central(Backend::Sqlite);
  {
    auto trust = trustFor(central.port());
    trust.pins = {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="};
    Network net(trust);
    const auto r = exchange(net, get("/v1/keys"));
    CHECK(r.error == NetError::Tls);
  }
  {
    auto trust = trustFor(central.port());
    trust.caCert = pkiDir() + "/other-ca/ca.crt";
    Network net(trust);
    CHECK(exchange(net, get("/v1/keys")).error == NetError::Tls);
  }
  {
    Network net(trustFor(central.port(), "kiosks/KIOSK-REVOKED-01"));
    const auto r = exchange(net, get("/v1/keys"));
    CHECK_FALSE(r.answered());
    CHECK((r.error == NetError::Tls || r.error == NetError::Interrupted));
  }
  // Nothing reached a handler: no kiosk ever identified.
  CHECK(central.count("SELECT COUNT(*) FROM audit_log") == 0);
}

TEST_CASE("server down, a server that never answers, one that trickles: errors, never a hang") {
  int closedPort = 0;
  {
    TestCentral central(Backend::Sqlite);
    closedPort = central.port();
  }
  Network down(trustFor(closedPort));
  CHECK(exchange(down, get("/v1/keys")).error == NetError::Connect);

  StubbornServer silent("", 0);
  Network net(trustFor(silent.port()));
  const auto start = std::chrono::steady_clock::now();
  const auto r = exchange(net, get("/v1/keys", 3000));
  CHECK(r.error == NetError::Timeout);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(8));

  StubbornServer trickle(std::string(200, 'x'), 1500);   // slower than 1 byte/s
  Network slow(trustFor(trickle.port()));
  CHECK(exchange(slow, get("/v1/keys", 4000)).error == NetError::Timeout);
}

TEST_CASE("stopping the network cancels what is in flight, each completion runs once") {
  StubbornServer silent("", 0);
  Network net(trustFor(silent.port()));
  std::atomic<int> completions{0}, cancelled{0};
  for (int i = 0; i < 3; ++i)
    net.submit(get("/v1/keys", 60000), [&](std::uint64_t, HttpResult r) {
      ++completions;
      if (r.error == NetError::Cancelled) ++cancelled;
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  net.stop();
  CHECK(completions == 3);
  CHECK(cancelled == 3);
  net.submit(get("/v1/keys"), [&](std::uint64_t, HttpResult r) { CHECK(r.error == NetError::Cancelled); ++completions; });
  CHECK(completions == 4);
}

TEST_CASE("the kiosk's terminal id is its certificate's common name") {
  TestCentral central(Backend::Sqlite);   // writes the test PKI
  auto cn = certificateCommonName(pkiDir() + "/kiosks/KIOSK-TEST-01.crt");
  REQUIRE_MESSAGE(cn.ok(), cn.error());
  CHECK(cn.value() == "KIOSK-TEST-01");
  CHECK(certificateCommonName(pkiDir() + "/kiosks/KIOSK-TEST-01.key").error().find("not a PEM certificate") !=
        std::string::npos);
  CHECK(certificateCommonName(pkiDir() + "/no-such.crt").error().find("cannot read") != std::string::npos);
}
