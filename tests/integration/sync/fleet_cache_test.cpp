// The catalogue and config cache: against the real server (200, then 304 with the ETag,
// a changed config or catalogue fetched again, an offline start on the stored copies) and
// against a scripted server (malformed answers, a missing ETag, an error status: the old
// copy stays, in memory and on disk).
#include <mutex>

#include "sync/fleet_cache.hpp"
#include "sync_support.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;
using namespace synctest;
using nlohmann::json;

namespace {

struct Recorder {
  std::mutex mutex;
  std::vector<FleetRefresh> refreshes;
  std::vector<FleetConfig> configs;
  std::vector<FleetCatalogue> catalogues;
  FleetCacheEvents events() {
    FleetCacheEvents e;
    e.refreshed = [this](const FleetRefresh& r) {
      std::lock_guard lock(mutex);
      refreshes.push_back(r);
    };
    e.configChanged = [this](const FleetConfig& c) {
      std::lock_guard lock(mutex);
      configs.push_back(c);
    };
    e.catalogueChanged = [this](const FleetCatalogue& c) {
      std::lock_guard lock(mutex);
      catalogues.push_back(c);
    };
    return e;
  }
  std::size_t count() {
    std::lock_guard lock(mutex);
    return refreshes.size();
  }
  /// Waits for the n-th refresh (1-based) and returns it.
  FleetRefresh nth(std::size_t n) {
    REQUIRE(eventually([&] { return count() >= n; }, 30));
    std::lock_guard lock(mutex);
    return refreshes[n - 1];
  }
  /// The outcome for `resource` among refreshes [from, to] (1-based).
  FleetRefresh of(FleetResource resource, std::size_t from, std::size_t to) {
    REQUIRE(eventually([&] { return count() >= to; }, 30));
    std::lock_guard lock(mutex);
    for (std::size_t i = from; i <= to; ++i)
      if (refreshes[i - 1].resource == resource) return refreshes[i - 1];
    FAIL("no refresh of " << fleetResourceName(resource));
    return {};
  }
  std::size_t changes() {
    std::lock_guard lock(mutex);
    return configs.size() + catalogues.size();
  }
};

std::string headerOf(const Reply& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  return "";
}

json service(const std::string& id, const std::string& group = "query") {
  return {{"id", id},           {"group", group}, {"handling", "kiosk"}, {"needsIdentity", true},
          {"timeLimitWorkingDays", 0}, {"feeFen", 0},  {"materials", {"id_card"}}, {"legalBasis", "gbt27768"}};
}

std::string catalogueOf(std::initializer_list<json> services) { return json{{"services", services}}.dump(); }

std::vector<std::string> leftovers(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind('.', 0) == 0) out.push_back(e.path().filename().string());
  return out;
}

}  // namespace

TEST_CASE("catalogue and config are fetched, then 304 with the ETag, and an offline start uses the stored copies") {
  TestCentral central(Backend::Sqlite);
  TempDir dir("fleet-cache");
  const auto cacheDir = dir / "cache";
  Network net(trustFor(central.port()));
  const auto served = central.get("/v1/fleet/catalogue");
  REQUIRE(served.status == 200);
  const auto servedEtag = headerOf(served, "ETag");
  REQUIRE(isFleetEtag(servedEtag));
  {
    Recorder rec;
    auto opened = FleetCache::open(net, cacheDir, rec.events());
    REQUIRE_MESSAGE(opened.ok(), opened.error());
    auto& cache = *opened.value();
    CHECK_FALSE(cache.catalogue().has_value());
    CHECK_FALSE(cache.config().fromServer);
    CHECK(cache.config().inactivitySeconds == 60);
    CHECK(cache.etag(FleetResource::Catalogue).empty());

    cache.refresh();
    auto cat = rec.of(FleetResource::Catalogue, 1, 2);
    auto cfg = rec.of(FleetResource::Config, 1, 2);
    CHECK_MESSAGE(cat.outcome == FleetRefresh::Outcome::Updated, cat.what);
    CHECK_MESSAGE(cfg.outcome == FleetRefresh::Outcome::Updated, cfg.what);
    CHECK(cat.link == Link::Online);
    REQUIRE(cache.catalogue().has_value());
    CHECK(cache.catalogue()->json == served.body);
    const auto servedServices = served.json()["services"];
    REQUIRE(cache.catalogue()->services.size() == servedServices.size());
    CHECK(cache.catalogue()->services[0].id == servedServices[0]["id"].get<std::string>());
    CHECK(cache.etag(FleetResource::Catalogue) == servedEtag);
    CHECK(cache.config().fromServer);
    CHECK(cache.config().heartbeatSeconds == 60);
    CHECK(rec.changes() == 2);
    // Stored on disk: the body and its ETag, in one file each.
    const auto stored = json::parse(readAll(cache.file(FleetResource::Catalogue)));
    CHECK(stored["etag"] == servedEtag);
    CHECK(stored["body"] == served.body);
    CHECK(fs::exists(cache.file(FleetResource::Config)));
    CHECK(leftovers(cacheDir).empty());

    // Unchanged: a 304 each, the copies stay, no change events.
    cache.refresh();
    cat = rec.of(FleetResource::Catalogue, 3, 4);
    cfg = rec.of(FleetResource::Config, 3, 4);
    CHECK_MESSAGE(cat.outcome == FleetRefresh::Outcome::NotModified, cat.what);
    CHECK_MESSAGE(cfg.outcome == FleetRefresh::Outcome::NotModified, cfg.what);
    CHECK(cat.status == 304);
    CHECK(rec.changes() == 2);
    CHECK(cache.catalogue()->json == served.body);
  }

  // The kiosk starts again while the central system is down: the stored copies serve.
  central.stopServer();
  Recorder rec;
  auto opened = FleetCache::open(net, cacheDir, rec.events());
  REQUIRE(opened.ok());
  auto& cache = *opened.value();
  REQUIRE(cache.catalogue().has_value());
  CHECK(cache.catalogue()->json == served.body);
  CHECK(cache.config().fromServer);
  CHECK(cache.etag(FleetResource::Catalogue) == servedEtag);
  cache.refresh();
  const auto cat = rec.of(FleetResource::Catalogue, 1, 2);
  CHECK(cat.outcome == FleetRefresh::Outcome::Failed);
  CHECK(cat.kind == FleetRefresh::Kind::Network);
  CHECK(cat.net == NetError::Connect);
  CHECK(cat.link == Link::Offline);
  CHECK(cache.catalogue()->json == served.body);   // kept
  CHECK(cache.config().fromServer);
  CHECK(rec.changes() == 0);
}

TEST_CASE("a changed config and a changed catalogue come again with 200 and replace the old copies") {
  TestCentral central(Backend::Sqlite);
  TempDir dir("fleet-changed");
  const auto cacheDir = dir / "cache";
  // An older catalogue in the cache (one service, another ETag), as a kiosk that was
  // offline during an update would have it.
  fs::create_directories(cacheDir);
  const auto oldCatalogue = catalogueOf({service("query_participation")});
  const std::string oldEtag = "\"0123456789abcdef0123456789abcdef\"";
  writeAll(cacheDir + "/catalogue.json", json{{"etag", oldEtag}, {"body", oldCatalogue}}.dump());

  Network net(trustFor(central.port()));
  Recorder rec;
  auto opened = FleetCache::open(net, cacheDir, rec.events());
  REQUIRE(opened.ok());
  auto& cache = *opened.value();
  REQUIRE(cache.catalogue().has_value());
  CHECK(cache.catalogue()->services.size() == 1);
  CHECK(cache.etag(FleetResource::Catalogue) == oldEtag);

  cache.refresh();
  const auto cat = rec.of(FleetResource::Catalogue, 1, 2);
  CHECK_MESSAGE(cat.outcome == FleetRefresh::Outcome::Updated, cat.what);
  CHECK(cache.catalogue()->services.size() > 1);
  CHECK(cache.etag(FleetResource::Catalogue) != oldEtag);
  CHECK(json::parse(readAll(cache.file(FleetResource::Catalogue)))["body"] == cache.catalogue()->json);
  const auto defaultEtag = cache.etag(FleetResource::Config);
  CHECK(isFleetEtag(defaultEtag));

  // The operator gives this kiosk its own configuration.
  {
    auto lease = central.database().acquire();
    REQUIRE(lease.ok());
    auto inserted = lease.value()->execute(
        "INSERT INTO kiosk_config (kiosk_id, config, updated_at) VALUES (?, ?, ?)",
        {std::string("KIOSK-TEST-01"), std::string(R"({"heartbeatSeconds":30,"inactivitySeconds":120,"theme":"dark"})"),
         central.now()});
    REQUIRE(inserted.ok());
  }
  cache.refresh(FleetResource::Config);
  const auto cfg = rec.nth(3);
  CHECK(cfg.resource == FleetResource::Config);
  CHECK_MESSAGE(cfg.outcome == FleetRefresh::Outcome::Updated, cfg.what);
  const auto config = cache.config();
  CHECK(config.inactivitySeconds == 120);
  CHECK(config.heartbeatSeconds == 30);
  CHECK(config.raw["theme"] == "dark");
  CHECK(cache.etag(FleetResource::Config) != defaultEtag);
  {
    std::lock_guard lock(rec.mutex);
    REQUIRE(!rec.configs.empty());
    CHECK(rec.configs.back().inactivitySeconds == 120);
  }
  // …and the next start has it without the network.
  auto again = FleetCache::open(net, cacheDir);
  REQUIRE(again.ok());
  CHECK(again.value()->config().inactivitySeconds == 120);
  CHECK(again.value()->etag(FleetResource::Config) == cache.etag(FleetResource::Config));
}

TEST_CASE("a malformed answer, a missing ETag or an error status keep the old copy in memory and on disk") {
  const std::string e1 = "\"11111111111111111111111111111111\"", e2 = "\"22222222222222222222222222222222\"",
                    e3 = "\"33333333333333333333333333333333\"";
  const auto good1 = catalogueOf({service("query_participation"), service("change_phone", "filing")});
  const auto good3 = catalogueOf({service("query_participation"), service("query_contributions")});
  struct Scripted {
    int status;
    std::string body, etag;
  };
  const std::vector<Scripted> catalogueScript = {
      {200, good1, e1},                                                                  // 1 taken
      {304, "", e1},                                                                     // 2 not modified
      {200, catalogueOf({service("query_participation", "lottery")}), e2},               // 3 group not in the enum
      {200, good1.substr(0, good1.size() / 2), e2},                                      // 4 cut off: not JSON
      {200, good3, ""},                                                                  // 5 no ETag
      {200, good3, "W/" + e3},                                                           // 6 a weak ETag
      {200, catalogueOf({[] { auto s = service("a"); s["feeFen"] = "0"; return s; }()}), e2},   // 7 fee a string
      {200, catalogueOf({service("same"), service("same")}), e2},                        // 8 duplicate id
      {200, catalogueOf({[] { auto s = service("a"); s.erase("legalBasis"); return s; }()}), e2},   // 9 missing member
      {200, R"({"services":[]})", e2},                                                   // 10 empty
      {200, R"([1,2,3])", e2},                                                           // 11 not an object
      {503, R"({"code":"storage-unavailable","status":503})", ""},                       // 12 server trouble
      {200, good3, e3},                                                                  // 13 taken
  };
  const std::vector<Scripted> configScript = {
      {304, "", e1},                                          // 1 a 304 although nothing is held
      {200, R"({"inactivitySeconds":5})", e1},                // 2 out of range
      {200, R"({"heartbeatSeconds":"30"})", e1},              // 3 a string
      {200, R"({"inactivitySeconds":90,"extra":[1]})", e2},   // 4 taken (other members allowed)
      {200, R"({"inactivitySeconds":null})", e3},             // 5 null
  };
  std::atomic<int> catalogueCalls{0}, configCalls{0};
  std::mutex seenMutex;
  std::vector<std::string> ifNoneMatch;
  FaultServer server([&](const httplib::Request& req, httplib::Response& res, int) {
    const bool isCatalogue = req.path == "/v1/fleet/catalogue";
    const auto& script = isCatalogue ? catalogueScript : configScript;
    const int n = isCatalogue ? ++catalogueCalls : ++configCalls;
    if (isCatalogue) {
      std::lock_guard lock(seenMutex);
      ifNoneMatch.push_back(req.get_header_value("If-None-Match"));
    }
    const auto& step = script.at(static_cast<std::size_t>(std::min<int>(n, static_cast<int>(script.size())) - 1));
    res.status = step.status;
    if (!step.etag.empty()) res.set_header("ETag", step.etag);
    if (!step.body.empty()) res.set_content(step.body, step.status == 200 ? "application/json" : "application/problem+json");
  });

  TempDir dir("fleet-malformed");
  const auto cacheDir = dir / "cache";
  Network net(trustFor(server.port()));
  Recorder rec;
  auto opened = FleetCache::open(net, cacheDir, rec.events());
  REQUIRE(opened.ok());
  auto& cache = *opened.value();

  std::size_t n = 0;
  auto step = [&](FleetResource resource) {
    cache.refresh(resource);
    auto r = rec.nth(++n);
    CHECK(r.resource == resource);
    return r;
  };
  auto r = step(FleetResource::Catalogue);
  REQUIRE_MESSAGE(r.outcome == FleetRefresh::Outcome::Updated, r.what);
  const auto storedBytes = readAll(cache.file(FleetResource::Catalogue));
  r = step(FleetResource::Catalogue);
  CHECK(r.outcome == FleetRefresh::Outcome::NotModified);
  for (int i = 3; i <= 12; ++i) {
    CAPTURE(i);
    r = step(FleetResource::Catalogue);
    CHECK(r.outcome == FleetRefresh::Outcome::Failed);
    CHECK(r.kind == (i == 12 ? FleetRefresh::Kind::Refused : FleetRefresh::Kind::Malformed));
    CHECK_FALSE(r.what.empty());
    // The old copy stays, in memory and byte for byte on disk.
    REQUIRE(cache.catalogue().has_value());
    CHECK(cache.catalogue()->json == good1);
    CHECK(cache.etag(FleetResource::Catalogue) == e1);
    CHECK(readAll(cache.file(FleetResource::Catalogue)) == storedBytes);
  }
  CHECK(r.status == 503);
  CHECK(r.link == Link::Degraded);
  r = step(FleetResource::Catalogue);
  CHECK_MESSAGE(r.outcome == FleetRefresh::Outcome::Updated, r.what);
  CHECK(cache.catalogue()->json == good3);
  CHECK(cache.catalogue()->services[1].id == "query_contributions");
  CHECK(cache.etag(FleetResource::Catalogue) == e3);
  CHECK(json::parse(readAll(cache.file(FleetResource::Catalogue)))["etag"] == e3);
  {
    std::lock_guard lock(seenMutex);
    REQUIRE(ifNoneMatch.size() == 13);
    CHECK(ifNoneMatch[0].empty());   // nothing held yet
    for (std::size_t i = 1; i < 13; ++i) CHECK(ifNoneMatch[i] == e1);
  }

  // The config: nothing held, so a 304 is wrong too; bad values keep the defaults.
  for (int i = 1; i <= 3; ++i) {
    CAPTURE(i);
    r = step(FleetResource::Config);
    CHECK(r.outcome == FleetRefresh::Outcome::Failed);
    CHECK(r.kind == FleetRefresh::Kind::Malformed);
    CHECK_FALSE(cache.config().fromServer);
    CHECK(cache.config().inactivitySeconds == 60);
    CHECK_FALSE(fs::exists(cache.file(FleetResource::Config)));
  }
  r = step(FleetResource::Config);
  CHECK_MESSAGE(r.outcome == FleetRefresh::Outcome::Updated, r.what);
  CHECK(cache.config().inactivitySeconds == 90);
  CHECK(cache.config().heartbeatSeconds == 60);
  r = step(FleetResource::Config);
  CHECK(r.kind == FleetRefresh::Kind::Malformed);
  CHECK(cache.config().inactivitySeconds == 90);
  CHECK(leftovers(cacheDir).empty());   // no temporary file left behind
}

TEST_CASE("a damaged copy on disk is ignored at start, as if there were none") {
  TempDir dir("fleet-damaged");
  const auto cacheDir = dir / "cache";
  fs::create_directories(cacheDir);
  writeAll(cacheDir + "/catalogue.json", "{\"etag\":\"\\\"1111");   // cut off
  writeAll(cacheDir + "/config.json",
           json{{"etag", "\"not-hex-not-hex-not-hex-not-hex-\""}, {"body", R"({"inactivitySeconds":90})"}}.dump());
  Network net(trustFor(1));
  auto opened = FleetCache::open(net, cacheDir);
  REQUIRE(opened.ok());
  CHECK_FALSE(opened.value()->catalogue().has_value());
  CHECK_FALSE(opened.value()->config().fromServer);
  CHECK(opened.value()->config().inactivitySeconds == 60);
  // A body that was valid once but not under today's rules is not used either.
  writeAll(cacheDir + "/config.json",
           json{{"etag", "\"11111111111111111111111111111111\""}, {"body", R"({"inactivitySeconds":9999})"}}.dump());
  auto reopened = FleetCache::open(net, cacheDir);
  REQUIRE(reopened.ok());
  CHECK_FALSE(reopened.value()->config().fromServer);
}
