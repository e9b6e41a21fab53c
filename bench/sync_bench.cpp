// onestop-bench-sync: the kiosk's outbox against the real central server (CentralServer on
// loopback, mutual TLS, SQLite): how fast filings are enqueued (each one committed with
// synchronous=FULL before enqueue returns) and how fast the relay drains a backlog of them
// to the server — filings made in a session (one exchange each) and filings accepted
// offline (identify first, then file: two exchanges each). Figures are printed, not checked.
//
//   onestop-bench-sync [--items N] [--offline M] [--people P] [--keep DIR]
//
// The relay sends one item at a time (a citizen's items in order), so the drain rate is
// the round trip of one exchange on one kept-alive connection, plus the outbox's commits.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/clock.hpp"
#include "api/schema.hpp"
#include "app/central_server.hpp"
#include "demo/essc_token.hpp"
#include "demo/seed.hpp"
#include "sync/heartbeat.hpp"
#include "sync/network.hpp"
#include "sync/outbox.hpp"
#include "sync/relay.hpp"

namespace {

namespace fs = std::filesystem;
using namespace onestop;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kSeed = 20240601;

struct Options {
  int items = 500;
  int offline = 200;
  int people = 300;
  std::string keep;
};

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int usage(const char* problem) {
  if (problem) std::fprintf(stderr, "onestop-bench-sync: %s\n", problem);
  std::fprintf(stderr,
               "usage: onestop-bench-sync [--items N] [--offline M] [--people P] [--keep DIR]\n"
               "  --items N    filings in a session to enqueue and drain (default 500)\n"
               "  --offline M  filings accepted offline (identify + file) to drain (default 200)\n"
               "  --people P   synthetic citizens the filings are spread over (default 300)\n"
               "  --keep DIR   work in DIR (PKI, databases) and leave it there\n");
  return 2;
}

std::optional<Options> parseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    if (a == "--items" && v) o.items = std::atoi(argv[++i]);
    else if (a == "--offline" && v) o.offline = std::atoi(argv[++i]);
    else if (a == "--people" && v) o.people = std::atoi(argv[++i]);
    else if (a == "--keep" && v) o.keep = argv[++i];
    else return std::nullopt;
  }
  if (o.items < 0 || o.offline < 0 || o.people < 1 || o.items + o.offline < 1) return std::nullopt;
  return o;
}

sync::HttpResult exchange(sync::Network& net, sync::HttpRequest request) {
  std::promise<sync::HttpResult> promise;
  auto future = promise.get_future();
  net.submit(std::move(request), [&](std::uint64_t, sync::HttpResult r) { promise.set_value(std::move(r)); });
  return future.get();
}

std::string identifyBody(int person) {
  return nlohmann::json{{"method", "essc"}, {"token", central::demo::syntheticEsscToken(kSeed, person)}}.dump();
}

sync::HttpRequest filing(int n) {
  sync::HttpRequest r;
  r.method = "POST";
  r.path = "/v1/me/filings";
  char phone[16];
  std::snprintf(phone, sizeof phone, "139%08d", n % 100000000);
  r.body = nlohmann::json{{"service", "change_phone"}, {"details", {{"phone", phone}}}}.dump();
  return r;
}

struct Figure {
  std::string what;
  int items = 0;
  double seconds = 0;
  std::string note;
};

// Drains what is in `box` through a relay; returns the seconds until `expected` were
// delivered (or nullopt after `limitSeconds`).
std::optional<double> drain(sync::Network& net, sync::Outbox& box, int expected, int& refused, double limitSeconds) {
  std::atomic<int> delivered{0}, refusedCount{0};
  sync::RelayEvents events;
  events.delivered = [&](const sync::OutboxItem&, const sync::HttpResult&) { ++delivered; };
  events.refused = [&](const sync::OutboxItem&, const sync::HttpResult&) { ++refusedCount; };
  const auto start = Clock::now();
  sync::Relay relay(net, box, events, [] { return central::api::systemNow(); });
  relay.kick();
  while (delivered.load() + refusedCount.load() < expected &&
         std::chrono::duration<double>(Clock::now() - start).count() < limitSeconds)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  relay.stop();
  refused = refusedCount.load();
  if (delivered.load() + refusedCount.load() < expected) return std::nullopt;
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = parseArgs(argc, argv);
  if (!parsed) {
    for (int i = 1; i < argc; ++i)
      if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") return usage(nullptr), 0;
    return usage("bad arguments");
  }
  const Options options = *parsed;
  spdlog::set_level(spdlog::level::off);
  sync::initNetworking();

  fs::path work;
  if (!options.keep.empty()) {
    work = fs::absolute(options.keep);
    fs::create_directories(work);
  } else {
    std::string pattern = (fs::temp_directory_path() / "onestop-bench-sync-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return std::perror("mkdtemp"), 1;
    work = pattern;
  }
  struct Cleanup {
    fs::path dir;
    bool remove;
    ~Cleanup() {
      std::error_code ec;
      if (remove) fs::remove_all(dir, ec);
    }
  } cleanup{work, options.keep.empty()};

  const fs::path pki = work / "pki";
  const auto pkiLog = work / "make-dev-pki.log";
  if (std::system((shellQuote(ONESTOP_DEV_PKI_SCRIPT) + " " + shellQuote(pki.string()) + " >" +
                   shellQuote(pkiLog.string()) + " 2>&1")
                      .c_str()) != 0) {
    std::ifstream in(pkiLog);
    std::fprintf(stderr, "%s", std::string(std::istreambuf_iterator<char>(in), {}).c_str());
    return std::fprintf(stderr, "making the dev PKI failed\n"), 1;
  }

  // The server: SQLite, synthetic citizens with e-SSC tokens.
  const auto dbPath = (work / "central.db").string();
  {
    auto db = central::store::Database::open(dbPath);
    if (!db) return std::fprintf(stderr, "database: %s\n", db.error().message.c_str()), 1;
    auto migrated = central::store::migrate(*db.value(), central::api::centralMigrations());
    if (!migrated) return std::fprintf(stderr, "migration: %s\n", migrated.error().message.c_str()), 1;
    auto lease = db.value()->acquire();
    if (!lease) return std::fprintf(stderr, "database: %s\n", lease.error().message.c_str()), 1;
    auto seeded = central::demo::seedSynthetic(*lease.value(), options.people, kSeed,
                                               central::api::localDay(central::api::systemNow(), 480));
    if (!seeded) return std::fprintf(stderr, "seeding: %s\n", seeded.error().message.c_str()), 1;
  }
  central::ServerConfig config;
  config.host = "127.0.0.1";
  config.port = 0;
  config.dbUrl = dbPath;
  config.tlsDir = pki;
  config.keysDir = work / "keys";
  config.api.identifyPerMinute = 1'000'000'000;   // one kiosk identifies every offline filing's citizen
  auto server = central::CentralServer::start(config);
  if (!server) return std::fprintf(stderr, "server: %s\n", server.error().c_str()), 1;

  sync::TrustConfig trust;
  trust.serverUrl = "https://127.0.0.1:" + std::to_string(server.value()->port());
  trust.caCert = (pki / "ca.crt").string();
  trust.clientCert = (pki / "kiosks" / "KIOSK-DEMO-01.crt").string();
  trust.clientKey = (pki / "kiosks" / "KIOSK-DEMO-01.key").string();
  sync::Network net(trust);

  std::string load;
  std::ifstream("/proc/loadavg") >> load;
  std::printf("OneStop sync benchmark — outbox (SQLite WAL, synchronous=FULL, secretbox) and relay to the real "
              "central server (mutual TLS on loopback, SQLite), %d citizens, %u CPUs (load average %s at start), "
              "work dir on %s\n",
              options.people, std::thread::hardware_concurrency(), load.empty() ? "?" : load.c_str(), work.c_str());
  std::fflush(stdout);

  std::vector<Figure> figures;
  auto outbox = sync::Outbox::open((work / "outbox.db").string(), (work / "outbox.key").string());
  if (!outbox) return std::fprintf(stderr, "outbox: %s\n", outbox.error().c_str()), 1;
  auto& box = *outbox.value();

  // Filings in a session: one session per citizen, as a kiosk would have made them.
  if (options.items > 0) {
    const int sessions = std::min(options.items, options.people);
    std::vector<std::string> tokens;
    for (int p = 0; p < sessions; ++p) {
      sync::HttpRequest identify;
      identify.method = "POST";
      identify.path = "/v1/identify";
      identify.body = identifyBody(p);
      const auto r = exchange(net, identify);
      const auto j = nlohmann::json::parse(r.body, nullptr, false);
      if (r.status != 201 || !j.is_object() || !j.contains("sessionToken"))
        return std::fprintf(stderr, "identify %d: %s HTTP %ld\n", p, r.errorText.c_str(), r.status), 1;
      tokens.push_back(j["sessionToken"].get<std::string>());
    }
    const auto start = Clock::now();
    for (int i = 0; i < options.items; ++i) {
      auto r = filing(i);
      r.headers["Authorization"] = "Bearer " + tokens[static_cast<std::size_t>(i % sessions)];
      auto item = box.enqueue("filing", "citizen-" + std::to_string(i % sessions), r, central::api::systemNow());
      if (!item) return std::fprintf(stderr, "enqueue: %s\n", item.error().c_str()), 1;
    }
    figures.push_back({"enqueue (filing, committed)", options.items,
                       std::chrono::duration<double>(Clock::now() - start).count(), ""});
    int refused = 0;
    const auto seconds = drain(net, box, options.items, refused, 600);
    if (!seconds) return std::fprintf(stderr, "drain: not done in 600 s\n"), 1;
    figures.push_back({"drain: filings in a session", options.items, *seconds,
                       refused ? std::to_string(refused) + " refused" : "1 exchange each"});
  }

  // Filings accepted offline: the relay identifies each citizen first.
  if (options.offline > 0) {
    for (int i = 0; i < options.offline; ++i) {
      const int person = i % options.people;
      auto r = filing(1'000'000 + i);
      r.headers[sync::Relay::kIdentifyHeader] = identifyBody(person);
      auto item = box.enqueue("filing", "offline-" + std::to_string(person), r, central::api::systemNow());
      if (!item) return std::fprintf(stderr, "enqueue: %s\n", item.error().c_str()), 1;
    }
    int refused = 0;
    const auto seconds = drain(net, box, options.offline, refused, 600);
    if (!seconds) return std::fprintf(stderr, "drain: not done in 600 s\n"), 1;
    figures.push_back({"drain: filings accepted offline", options.offline, *seconds,
                       refused ? std::to_string(refused) + " refused" : "identify + file each"});
  }

  // A heartbeat, for scale: one exchange with the outbox count.
  {
    const auto start = Clock::now();
    constexpr int beats = 50;
    for (int i = 0; i < beats; ++i) {
      const auto counts = box.counts();
      const auto r = exchange(net, sync::Heartbeat::request("0.0.0-bench", {{"idcard", "online", ""}},
                                                            counts ? std::optional(counts->pending) : std::nullopt));
      if (r.status != 200) return std::fprintf(stderr, "heartbeat: %s HTTP %ld\n", r.errorText.c_str(), r.status), 1;
    }
    figures.push_back({"heartbeat (sequential)", beats, std::chrono::duration<double>(Clock::now() - start).count(), ""});
  }

  std::printf("\n| %-34s | %6s | %8s | %9s | %-22s |\n", "operation", "items", "seconds", "items/s", "note");
  std::printf("|%s|%s:|%s:|%s:|%s|\n", std::string(36, '-').c_str(), std::string(7, '-').c_str(),
              std::string(9, '-').c_str(), std::string(10, '-').c_str(), std::string(24, '-').c_str());
  for (const auto& f : figures)
    std::printf("| %-34s | %6d | %8.2f | %9.1f | %-22s |\n", f.what.c_str(), f.items, f.seconds,
                f.seconds > 0 ? f.items / f.seconds : 0.0, f.note.c_str());
  std::printf("\nenqueue: Outbox::enqueue until committed (one fsync'd WAL commit each); drain: from kick() until "
              "the server acknowledged every item (relay thread, one exchange at a time).\n");
  net.stop();
  server.value()->stop();
  return 0;
}
