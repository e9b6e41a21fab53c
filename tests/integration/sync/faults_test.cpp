// The relay against a misbehaving server: 503 and 429 with Retry-After, a connection cut in
// the middle of the answer. Nothing is lost, Retry-After is honoured, the link says so.
#include <atomic>
#include <chrono>
#include <thread>

#include "central_fixture.hpp"
#include "http/httplib.hpp"
#include "support/test_db.hpp"
#include "sync/relay.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;

namespace {

// An HTTPS server (server certificate only) whose answers the test scripts.
class FaultServer {
 public:
  explicit FaultServer(std::function<void(const httplib::Request&, httplib::Response&, int call)> behave)
      : server_((pkiDir() + "/server.crt").c_str(), (pkiDir() + "/server.key").c_str()) {
    server_.Post(".*", [this, behave](const httplib::Request& req, httplib::Response& res) { behave(req, res, ++calls); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~FaultServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::atomic<int> calls{0};

 private:
  httplib::SSLServer server_;
  int port_ = 0;
  std::thread thread_;
};

TrustConfig trustFor(int port) {
  TrustConfig t;
  t.serverUrl = "https://127.0.0.1:" + std::to_string(port);
  t.caCert = pkiDir() + "/ca.crt";
  t.clientCert = pkiDir() + "/kiosks/KIOSK-TEST-01.crt";
  t.clientKey = pkiDir() + "/kiosks/KIOSK-TEST-01.key";
  t.connectTimeoutMs = 1000;
  t.lowSpeedSeconds = 2;
  return t;
}

HttpRequest rating() {
  HttpRequest r;
  r.method = "POST";
  r.path = "/v1/ratings";
  r.body = R"({"acceptanceNumber":"2026112300000000","level":5})";
  return r;
}

template <class Pred>
bool eventually(Pred pred, int seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return pred();
}

struct Harness {
  explicit Harness(int port) : base(onestop::test::freshSqlitePath("faults")) {
    OutboxPolicy quick;
    quick.backoff.baseSeconds = 0.2;
    quick.backoff.capSeconds = 0.5;
    box = std::move(Outbox::open(base, base + ".key", quick).value());
    net = std::make_unique<Network>(trustFor(port));
    RelayEvents events;
    events.delivered = [this](const OutboxItem&, const HttpResult&) { ++delivered; };
    events.linkChanged = [this](Link l) { link = l; };
    relay = std::make_unique<Relay>(*net, *box, events, [] { return onestop::central::api::systemNow(); });
  }
  ~Harness() {
    relay->stop();
    net->stop();
  }
  std::string base;
  std::unique_ptr<Outbox> box;
  std::unique_ptr<Network> net;
  std::unique_ptr<Relay> relay;
  std::atomic<int> delivered{0};
  std::atomic<Link> link{Link::Unknown};
};

}  // namespace

TEST_CASE("503 with Retry-After is waited out, then the item is delivered once") {
  std::atomic<std::int64_t> firstAt{0}, secondAt{0};
  FaultServer server([&](const httplib::Request& req, httplib::Response& res, int call) {
    CHECK(!req.get_header_value("Idempotency-Key").empty());
    const auto now = onestop::central::api::systemNow();
    if (call == 1) {
      firstAt = now;
      res.status = 503;
      res.set_header("Retry-After", "2");
      res.set_content(R"({"code":"storage-unavailable","status":503})", "application/problem+json");
    } else {
      if (call == 2) secondAt = now;
      res.status = 201;
      res.set_content(R"({"acceptanceNumber":"2026112300000000","level":5})", "application/json");
    }
  });
  Harness h(server.port());
  REQUIRE(h.box->enqueue("rating", "", rating(), onestop::central::api::systemNow()).ok());
  h.relay->kick();
  CHECK(eventually([&] { return h.link.load() == Link::Degraded; }, 10));
  CHECK(eventually([&] { return h.delivered.load() == 1; }, 15));
  CHECK(server.calls == 2);
  CHECK(secondAt - firstAt >= 2);   // Retry-After honoured (seconds resolution)
  CHECK(h.link.load() == Link::Online);
  CHECK(h.box->counts()->pending == 0);
}

TEST_CASE("429 and an answer cut off mid-body are retried, nothing is lost") {
  FaultServer server([&](const httplib::Request&, httplib::Response& res, int call) {
    if (call == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      res.set_content(R"({"code":"rate-limited","status":429})", "application/problem+json");
    } else if (call == 2) {
      // Promise 1000 bytes, send a few, then drop the connection.
      res.set_content_provider(1000, "application/json", [](size_t, size_t, httplib::DataSink& sink) {
        sink.write("{\"accept", 8);
        return false;
      });
    } else {
      res.status = 201;
      res.set_content("{}", "application/json");
    }
  });
  Harness h(server.port());
  REQUIRE(h.box->enqueue("rating", "", rating(), onestop::central::api::systemNow()).ok());
  h.relay->kick();
  CHECK(eventually([&] { return h.delivered.load() == 1; }, 20));
  CHECK(server.calls == 3);
  CHECK(h.box->counts()->pending == 0);
}
