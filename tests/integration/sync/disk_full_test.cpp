// A full disk, for real: the outbox (and the fleet cache) on a tmpfs of a few hundred KiB
// that the test fills up. New items are refused with an error the UI can tell apart and
// show plainly; the items already queued stay intact (PRAGMA integrity_check) and reach
// the server once there is room again. The fleet cache keeps its old copy, on disk too.
#include "api/clock.hpp"
#include "sync/fleet_cache.hpp"
#include "sync/relay.hpp"
#include "sync_support.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;
using namespace synctest;

namespace {

HttpRequest offlineFiling(const std::string& person, const std::string& phone) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/v1/me/filings";
  r.body = R"({"service":"change_phone","details":{"phone":")" + phone + R"("}})";
  r.headers[Relay::kIdentifyHeader] = nlohmann::json{{"method", "id_card"}, {"card", TestCentral::cardOf(person)}}.dump();
  return r;
}

OutboxPolicy quickRetries() {
  OutboxPolicy p;
  p.backoff.baseSeconds = 0.2;
  p.backoff.capSeconds = 0.5;
  return p;
}

}  // namespace

TEST_CASE("a full disk refuses new outbox items plainly, keeps the queued ones intact, and they drain once space returns") {
  SmallDisk disk(512);   // first: the test process is still single-threaded
  TestCentral central(Backend::Sqlite);
  const auto now = [] { return onestop::central::api::systemNow(); };
  auto opened = Outbox::open(disk / "outbox.db", disk / "outbox.key", quickRetries());
  REQUIRE_MESSAGE(opened.ok(), opened.error());
  auto& box = *opened.value();
  const char* people[] = {"worker", "arrears", "retiree", "flexible", "rare-name"};
  for (int i = 0; i < 5; ++i)
    REQUIRE(box.enqueue("filing", std::string("citizen-") + people[i], offlineFiling(people[i], "1391111000" + std::to_string(i)),
                        now())
                .ok());

  REQUIRE(disk.fill() > 0);
  for (int i = 0; i < 3; ++i) {
    auto refused = box.enqueue("filing", "citizen-x", offlineFiling("long-address", "13911119999"), now());
    REQUIRE_FALSE(refused.ok());
    CHECK_MESSAGE(Outbox::isDiskFull(refused.error()), refused.error());
  }
  // A rating too, through the same path (any kind of item).
  HttpRequest rating;
  rating.method = "POST";
  rating.path = "/v1/ratings";
  rating.body = R"({"acceptanceNumber":"2026112300000000","level":5})";
  auto refused = box.enqueue("rating", "", rating, now());
  REQUIRE_FALSE(refused.ok());
  CHECK(Outbox::isDiskFull(refused.error()));

  // What was queued before is all there, readable and sound.
  CHECK(box.intact());
  REQUIRE(box.counts().ok());
  CHECK(box.counts()->pending == 5);
  auto due = box.due(now(), 100);
  REQUIRE_MESSAGE(due.ok(), due.error());
  REQUIRE(due->size() == 5);
  for (int i = 0; i < 5; ++i)
    CHECK(due.value()[static_cast<std::size_t>(i)].request.body.find("1391111000" + std::to_string(i)) != std::string::npos);
  // A second connection (e.g. after a restart) sees the same.
  {
    auto again = Outbox::open(disk / "outbox.db", disk / "outbox.key");
    if (again.ok()) {
      CHECK(again.value()->intact());
      CHECK(again.value()->counts()->pending == 5);
    }
  }

  // Room again: a new item is taken, and everything drains to the server exactly once.
  disk.unfill();
  REQUIRE(box.enqueue("filing", "citizen-x", offlineFiling("long-address", "13911119999"), now()).ok());
  Network net(trustFor(central.port()));
  std::atomic<int> delivered{0};
  RelayEvents events;
  events.delivered = [&](const OutboxItem&, const HttpResult&) { ++delivered; };
  Relay relay(net, box, events, now);
  relay.kick();
  CHECK(eventually([&] { return delivered.load() == 6; }, 60));
  relay.stop();
  CHECK(box.counts()->pending == 0);
  CHECK(box.intact());
  CHECK(central.count("SELECT COUNT(*) FROM applications") == 6);
  CHECK(central.count("SELECT COUNT(*) FROM applications WHERE details LIKE '%13911119999%'") == 1);
}

TEST_CASE("a full disk keeps the fleet cache's old copy, in memory and on disk") {
  SmallDisk disk(256);
  const std::string e1 = "\"11111111111111111111111111111111\"", e2 = "\"22222222222222222222222222222222\"";
  auto catalogue = [](const std::string& id, std::size_t padding) {
    nlohmann::json s = {{"id", id},          {"group", "query"},   {"handling", "kiosk"},
                        {"needsIdentity", true}, {"timeLimitWorkingDays", 0}, {"feeFen", 0},
                        {"materials", {"id_card"}}, {"legalBasis", "gbt27768"}, {"padding", std::string(padding, ' ')}};
    return nlohmann::json{{"services", {s}}}.dump();
  };
  const auto first = catalogue("query_participation", 10), second = catalogue("query_contributions", 20000);
  FaultServer server([&](const httplib::Request&, httplib::Response& res, int call) {
    res.status = 200;
    res.set_header("ETag", call == 1 ? e1 : e2);
    res.set_content(call == 1 ? first : second, "application/json");
  });
  Network net(trustFor(server.port()));
  std::atomic<int> n{0};
  std::mutex mutex;
  std::vector<FleetRefresh> seen;
  FleetCacheEvents events;
  events.refreshed = [&](const FleetRefresh& r) {
    std::lock_guard lock(mutex);
    seen.push_back(r);
    ++n;
  };
  auto opened = FleetCache::open(net, disk / "cache", events);
  REQUIRE(opened.ok());
  auto& cache = *opened.value();
  cache.refresh(FleetResource::Catalogue);
  REQUIRE(eventually([&] { return n.load() == 1; }, 30));
  REQUIRE(cache.catalogue().has_value());
  const auto storedBytes = readAll(cache.file(FleetResource::Catalogue));

  REQUIRE(disk.fill() > 0);
  cache.refresh(FleetResource::Catalogue);
  REQUIRE(eventually([&] { return n.load() == 2; }, 30));
  {
    std::lock_guard lock(mutex);
    CHECK(seen[1].outcome == FleetRefresh::Outcome::Failed);
    CHECK_MESSAGE(seen[1].kind == FleetRefresh::Kind::Storage, seen[1].what);
  }
  CHECK(cache.catalogue()->json == first);
  CHECK(cache.etag(FleetResource::Catalogue) == e1);
  CHECK(readAll(cache.file(FleetResource::Catalogue)) == storedBytes);
  for (const auto& e : fs::directory_iterator(disk / "cache"))
    CHECK_MESSAGE(e.path().filename() == "catalogue.json", "left behind: " << e.path());

  disk.unfill();
  cache.refresh(FleetResource::Catalogue);
  REQUIRE(eventually([&] { return n.load() == 3; }, 30));
  CHECK(cache.catalogue()->json == second);
  CHECK(cache.etag(FleetResource::Catalogue) == e2);
}
