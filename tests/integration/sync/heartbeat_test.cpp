// The heartbeat against the real server: what it sends arrives in the fleet store (version,
// device statuses, outbox backlog, last seen), it repeats at its interval, it reports the
// link, and it stops promptly without posting anything afterwards.
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <mutex>

#include "core/utf8.hpp"
#include "support/test_db.hpp"
#include "sync/heartbeat.hpp"
#include "sync/outbox.hpp"
#include "sync_support.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;
using namespace synctest;

namespace {

struct KioskRow {
  bool found = false;
  std::int64_t lastSeen = 0;
  std::string version;
  nlohmann::json devices;
  std::optional<std::int64_t> queued;
};

KioskRow kioskRow(TestCentral& central, const std::string& id = "KIOSK-TEST-01") {
  auto lease = central.database().acquire();
  REQUIRE(lease.ok());
  auto rows = lease.value()->query(
      "SELECT last_seen, software_version, devices, queued_items FROM kiosks WHERE kiosk_id = ?", {id});
  REQUIRE(rows.ok());
  KioskRow k;
  if (rows->empty()) return k;
  const auto& r = rows.value()[0];
  k.found = true;
  k.lastSeen = r.integer(0);
  k.version = r.text(1);
  k.devices = nlohmann::json::parse(r.text(2), nullptr, false);
  if (!r.isNull(3)) k.queued = r.integer(3);
  return k;
}

HttpRequest rating(int n) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/v1/ratings";
  r.body = R"({"acceptanceNumber":"20261123000000)" + std::to_string(10 + n) + R"(","level":5})";
  return r;
}

// The outcomes the events delivered, for the test thread to look at.
struct Recorder {
  std::mutex mutex;
  std::vector<HeartbeatOutcome> outcomes;
  std::vector<Link> links;
  HeartbeatEvents events() {
    HeartbeatEvents e;
    e.answered = [this](const HeartbeatOutcome& o) {
      std::lock_guard lock(mutex);
      outcomes.push_back(o);
    };
    e.linkChanged = [this](Link l) {
      std::lock_guard lock(mutex);
      links.push_back(l);
    };
    return e;
  }
  std::size_t count() {
    std::lock_guard lock(mutex);
    return outcomes.size();
  }
  HeartbeatOutcome last() {
    std::lock_guard lock(mutex);
    return outcomes.empty() ? HeartbeatOutcome{} : outcomes.back();
  }
  std::vector<Link> linkHistory() {
    std::lock_guard lock(mutex);
    return links;
  }
};

}  // namespace

TEST_CASE("the heartbeat reaches the server with version, device statuses and the outbox backlog") {
  TestCentral central(Backend::Sqlite);
  central.advanceClock(3600);   // the server's clock an hour ahead: the beat must carry the server's time
  const auto base = onestop::test::freshSqlitePath("heartbeat-outbox");
  auto box = Outbox::open(base, base + ".key");
  REQUIRE(box.ok());
  for (int i = 0; i < 3; ++i) REQUIRE(box.value()->enqueue("rating", "", rating(i), central.now()).ok());

  std::mutex devicesMutex;
  std::vector<DeviceStatus> devices = {
      {"idcard", "online", ""},
      {"printer", "hardwareError", "paper jam 卡纸 " + std::string(300, 'x')},   // detail over 200: cut
      {"Scanner!", "online", ""},                                                 // a bad name: left out
      {"camera", "sleeping", ""},                                                 // not an XFS4IoT status: left out
  };
  Network net(trustFor(central.port()));
  Recorder rec;
  HeartbeatOptions options;
  options.softwareVersion = "1.4.2+kiosk";
  options.interval = std::chrono::seconds(3600);   // only the first beat and beatNow()
  Heartbeat heartbeat(
      net, options,
      [&] {
        std::lock_guard lock(devicesMutex);
        return devices;
      },
      Heartbeat::backlogOf(*box.value()), rec.events());
  CHECK(heartbeat.link() == Link::Unknown);
  heartbeat.start();
  REQUIRE(eventually([&] { return rec.count() >= 1; }, 20));
  const auto first = rec.last();
  CHECK_MESSAGE(first.recorded(), first.what);
  CHECK(first.link == Link::Online);
  CHECK(heartbeat.link() == Link::Online);
  REQUIRE(first.serverTime.has_value());
  // The server's clock, not ours: an hour ahead, give or take the seconds the test takes.
  CHECK(*first.serverTime - onestop::central::api::systemNow() >= 3500);
  CHECK(*first.serverTime - onestop::central::api::systemNow() <= 3700);

  auto row = kioskRow(central);
  REQUIRE(row.found);
  CHECK(row.version == "1.4.2+kiosk");
  CHECK(row.lastSeen >= central.now() - 60);
  CHECK(row.queued == std::optional<std::int64_t>(3));
  REQUIRE(row.devices.is_array());
  REQUIRE(row.devices.size() == 2);
  CHECK(row.devices[0]["name"] == "idcard");
  CHECK(row.devices[0]["status"] == "online");
  CHECK(row.devices[1]["name"] == "printer");
  CHECK(row.devices[1]["status"] == "hardwareError");
  const auto detail = row.devices[1]["detail"].get<std::string>();
  CHECK(detail.rfind("paper jam 卡纸 x", 0) == 0);
  CHECK(onestop::core::decodeUtf8(detail).size() == 200);   // characters, not bytes

  // A device changes, the backlog grows: beatNow() sends at once.
  {
    std::lock_guard lock(devicesMutex);
    devices = {{"idcard", "online", ""}, {"printer", "online", ""}};
  }
  REQUIRE(box.value()->enqueue("rating", "", rating(7), central.now()).ok());
  heartbeat.beatNow();
  REQUIRE(eventually([&] { return rec.count() >= 2; }, 20));
  CHECK(rec.last().recorded());
  row = kioskRow(central);
  CHECK(row.queued == std::optional<std::int64_t>(4));
  REQUIRE(row.devices.size() == 2);
  CHECK(row.devices[1]["status"] == "online");
  CHECK(row.devices[1].value("detail", "") == "");
  heartbeat.stop();
  CHECK(rec.count() == 2);   // no third beat: the interval is an hour
}

TEST_CASE("the heartbeat repeats at its interval and reports the link going and coming back") {
  TestCentral central(Backend::Sqlite);
  Network net(trustFor(central.port()));
  Recorder rec;
  HeartbeatOptions options;
  options.softwareVersion = "1.0.0";
  options.interval = std::chrono::seconds(3600);
  options.timeoutMs = 4000;
  Heartbeat heartbeat(net, options, [] { return std::vector<DeviceStatus>{{"idcard", "online", ""}}; }, nullptr,
                      rec.events());
  heartbeat.start();
  REQUIRE(eventually([&] { return rec.count() >= 1; }, 20));
  CHECK(heartbeat.interval() == std::chrono::seconds(3600));
  heartbeat.setInterval(std::chrono::seconds(1));   // e.g. heartbeatSeconds of a new fleet config
  CHECK(heartbeat.interval() == std::chrono::seconds(1));
  // More beats follow by themselves.
  REQUIRE(eventually([&] { return rec.count() >= 4; }, 30));
  CHECK(kioskRow(central).found);
  CHECK_FALSE(kioskRow(central).queued.has_value());   // no backlog callback: queuedItems left out

  central.stopServer();
  REQUIRE(eventually([&] { return heartbeat.link() == Link::Offline; }, 30));
  CHECK_FALSE(rec.last().recorded());
  CHECK(rec.last().error == NetError::Connect);
  central.restart();
  REQUIRE(eventually([&] { return heartbeat.link() == Link::Online; }, 30));
  heartbeat.stop();
  const auto links = rec.linkHistory();
  REQUIRE(links.size() >= 3);
  CHECK(links[0] == Link::Online);
  CHECK(links[1] == Link::Offline);
  CHECK(links[2] == Link::Online);
}

TEST_CASE("stopping the heartbeat is prompt, and an answer still on its way posts nothing") {
  // A server that accepts and never answers: the beat stays in flight (its timeouts are
  // long) until the network is stopped.
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(::listen(listener, 8) == 0);
  socklen_t len = sizeof a;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&a), &len);

  auto trust = trustFor(ntohs(a.sin_port));
  trust.connectTimeoutMs = 120000;   // covers the TLS handshake, which never completes here
  trust.lowSpeedSeconds = 120;
  Network net(trust);
  std::atomic<int> events{0};
  std::atomic<int> devicesAsked{0};
  HeartbeatEvents e;
  e.answered = [&](const HeartbeatOutcome&) { ++events; };
  e.linkChanged = [&](Link) { ++events; };
  HeartbeatOptions options;
  options.softwareVersion = "1.0.0";
  options.interval = std::chrono::seconds(1);
  options.timeoutMs = 120000;
  {
    Heartbeat heartbeat(net, options, [&] { ++devicesAsked; return std::vector<DeviceStatus>{}; }, nullptr, e);
    heartbeat.start();
    REQUIRE(eventually([&] { return devicesAsked.load() >= 1; }, 10));
    // Beats fall due while the first is still in flight: skipped, not piled up.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    CHECK(devicesAsked.load() == 1);
    auto stopped = std::async(std::launch::async, [&] { heartbeat.stop(); });
    REQUIRE(stopped.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(events.load() == 0);
  }   // destroyed while its beat is still in flight
  // Stopping the network completes that beat (cancelled) after the heartbeat is gone: no
  // event, no use of freed memory (ASan watches).
  net.stop();
  CHECK(events.load() == 0);
  ::close(listener);
}

TEST_CASE("the heartbeat request follows the schema") {
  const auto r = Heartbeat::request("2.0.0", {{"idcard", "busy", "读卡中"}, {"x y", "online", ""}}, 1234567);
  CHECK(r.method == "POST");
  CHECK(r.path == "/v1/fleet/heartbeat");
  const auto body = nlohmann::json::parse(r.body);
  CHECK(body["softwareVersion"] == "2.0.0");
  REQUIRE(body["devices"].size() == 1);
  CHECK(body["devices"][0]["detail"] == "读卡中");
  CHECK(body["queuedItems"] == 1000000);   // capped at the schema's maximum
  const auto none = nlohmann::json::parse(Heartbeat::request("2.0.0", {}, std::nullopt).body);
  CHECK_FALSE(none.contains("queuedItems"));
  CHECK(none["devices"].is_array());
  std::vector<DeviceStatus> many(40, DeviceStatus{"dev", "online", ""});
  CHECK(nlohmann::json::parse(Heartbeat::request("2.0.0", many, 0).body)["devices"].size() == 32);
}
