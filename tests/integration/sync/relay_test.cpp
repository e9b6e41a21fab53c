// The relay against the real server: filings accepted while the central system is down
// reach it exactly once when it returns; refusals are kept and flagged, never dropped.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "central_fixture.hpp"
#include "support/test_db.hpp"
#include "sync/relay.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;

namespace {

TrustConfig trustFor(int port) {
  TrustConfig t;
  t.serverUrl = "https://127.0.0.1:" + std::to_string(port);
  t.caCert = pkiDir() + "/ca.crt";
  t.clientCert = pkiDir() + "/kiosks/KIOSK-TEST-01.crt";
  t.clientKey = pkiDir() + "/kiosks/KIOSK-TEST-01.key";
  t.connectTimeoutMs = 1000;
  return t;
}

HttpRequest offlineFiling(const std::string& person, const std::string& phone) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/v1/me/filings";
  r.body = R"({"service":"change_phone","details":{"phone":")" + phone + R"("}})";
  r.headers[Relay::kIdentifyHeader] = nlohmann::json{{"method", "id_card"}, {"card", TestCentral::cardOf(person)}}.dump();
  return r;
}

template <class Pred>
bool eventually(Pred pred, int seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return pred();
}

OutboxPolicy quickRetries() {
  OutboxPolicy p;
  p.backoff.baseSeconds = 0.5;
  p.backoff.capSeconds = 1.0;
  return p;
}

// An outbox with quick retries, drained by a relay that counts the server's refusals; each
// refusal is checked by `expect`.
struct RefusalRig {
  RefusalRig(const TestCentral& central, const std::string& name, std::function<void(const HttpResult&)> expect)
      : base(onestop::test::freshSqlitePath(name)),
        box(Outbox::open(base, base + ".key", quickRetries())),
        net(trustFor(central.port())) {
    REQUIRE(box.ok());
    RelayEvents events;
    events.refused = [this, expect = std::move(expect)](const OutboxItem&, const HttpResult& r) {
      expect(r);
      ++refused;
    };
    relay = std::make_unique<Relay>(net, *box.value(), events, [] { return onestop::central::api::systemNow(); });
  }
  void add(const std::string& kind, const std::string& ref, HttpRequest r) {
    REQUIRE(box.value()->enqueue(kind, ref, std::move(r), onestop::central::api::systemNow()).ok());
  }
  /// Kicks the relay; true when exactly `n` refusals came, and no more after a pause.
  bool refusesOnce(int n) {
    relay->kick();
    const bool came = eventually([&] { return refused.load() == n; }, 15);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    return came && refused.load() == n;   // not retried in a loop
  }
  std::string base;
  onestop::core::Result<std::unique_ptr<Outbox>> box;
  Network net;
  std::atomic<int> refused{0};
  std::unique_ptr<Relay> relay;   // stopped first: it uses the rest
  ~RefusalRig() { relay.reset(); }
};

}  // namespace

TEST_CASE("filings accepted while the server is down are delivered once when it returns") {
  TestCentral central(Backend::Sqlite);
  central.stopServer();
  const auto base = onestop::test::freshSqlitePath("relay");
  auto box = Outbox::open(base, base + ".key", quickRetries());
  REQUIRE(box.ok());
  Network net(trustFor(central.port()));
  std::atomic<int> delivered{0};
  std::atomic<Link> lastLink{Link::Unknown};
  RelayEvents events;
  events.delivered = [&](const OutboxItem&, const HttpResult& r) {
    CHECK(r.status == 201);
    ++delivered;
  };
  events.linkChanged = [&](Link l) { lastLink = l; };
  Relay relay(net, *box.value(), events, [] { return onestop::central::api::systemNow(); });

  const auto now = onestop::central::api::systemNow();
  REQUIRE(box.value()->enqueue("filing", "worker", offlineFiling("worker", "13911110001"), now).ok());
  REQUIRE(box.value()->enqueue("filing", "worker", offlineFiling("worker", "13911110002"), now).ok());
  REQUIRE(box.value()->enqueue("filing", "retiree", offlineFiling("retiree", "13911110003"), now).ok());
  relay.kick();
  CHECK(eventually([&] { return lastLink.load() == Link::Offline; }, 10));
  CHECK(box.value()->counts()->pending == 3);

  central.restart();
  relay.kick();
  CHECK(eventually([&] { return delivered.load() == 3; }, 20));
  CHECK(lastLink.load() == Link::Online);
  CHECK(box.value()->counts()->pending == 0);
  CHECK(central.count("SELECT COUNT(*) FROM applications") == 3);
  // The worker's two filings arrived in the order they were accepted.
  CHECK(central.count("SELECT COUNT(*) FROM applications a JOIN applications b ON a.citizen_id = b.citizen_id "
                      "WHERE a.details LIKE '%13911110001%' AND b.details LIKE '%13911110002%' "
                      "AND a.accepted_at <= b.accepted_at") == 1);
}

TEST_CASE("a filing the server refuses for good is kept and flagged, not retried in a loop") {
  TestCentral central(Backend::Sqlite);
  RefusalRig rig(central, "relay-refused", [](const HttpResult& r) {
    CHECK((r.status == 400 || r.status == 404));   // a bad phone number, or nobody to identify
  });
  rig.add("filing", "worker", offlineFiling("worker", "12345"));
  // Someone not in the system cannot file either: identification is refused.
  rig.add("filing", "nobody", offlineFiling("not-in-system", "13911110009"));
  CHECK(rig.refusesOnce(2));
  CHECK(rig.box.value()->counts()->pending == 2);
  CHECK(rig.box.value()->counts()->flagged == 2);
  CHECK(central.count("SELECT COUNT(*) FROM applications") == 0);
}

TEST_CASE("a conflict for good is refused and flagged, only a request still in flight is retried") {
  TestCentral central(Backend::Sqlite);
  const auto session = TestCentral::bearer(central.sessionFor("worker"));
  auto issued = central.post("/v1/me/certificates", R"({"type":"participation"})", session);
  REQUIRE_MESSAGE(issued.status == 201, issued.body);
  const auto serial = issued.json()["serial"].get<std::string>();
  REQUIRE(central.post("/v1/certificates/" + serial + "/print-outcome", R"({"outcome":"not_printed"})").status == 200);

  RefusalRig rig(central, "relay-conflict", [](const HttpResult& r) { CHECK(r.status == 409); });
  HttpRequest printed;   // void already: "printed" now contradicts it
  printed.method = "POST";
  printed.path = "/v1/certificates/" + serial + "/print-outcome";
  printed.body = R"({"outcome":"printed"})";
  rig.add("print-outcome", serial, printed);
  CHECK(rig.refusesOnce(1));
  CHECK(rig.box.value()->counts()->flagged == 1);
}
