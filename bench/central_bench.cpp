// onestop-bench-central: the real central server (CentralServer::start, mutual TLS on
// loopback) under 1, 16 and 64 concurrent kiosk clients, on SQLite and PostgreSQL. For
// identify (e-SSC token), a contributions query and a filing (change_phone with its own
// Idempotency-Key) it prints requests/s, p50 and p99 latency and errors as one table.
//
//   onestop-bench-central [--quick] [--backends sqlite,postgresql] [--clients 1,16,64]
//                         [--seconds S] [--people N] [--keep DIR]
//
// Every client is one thread with one kept-alive TLS connection presenting KIOSK-DEMO-01;
// it identifies once (its session), then, operation by operation, all clients send as
// fast as they can for S seconds. requests/s counts the expected answers (201 / 200 / 201)
// of all clients together; latencies are of those answers; anything else is an error and
// is listed under the table by status and problem code. PostgreSQL runs on a throwaway
// cluster (tests/support/postgres.sh); when it cannot start, its rows are skipped.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
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
#include "http/httplib.hpp"

namespace {

namespace fs = std::filesystem;
using namespace onestop::central;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kSyntheticSeed = 20240601;
constexpr const char* kKiosk = "KIOSK-DEMO-01";

struct Options {
  bool quick = false;
  std::vector<std::string> backends{"sqlite", "postgresql"};
  std::vector<int> clients{1, 16, 64};
  double seconds = 5;
  std::int64_t people = 2000;
  std::string keep;  ///< work directory to keep (default: a temporary one, removed)
};

enum class Op { Identify, Contributions, Filing };
constexpr Op kOps[] = {Op::Identify, Op::Contributions, Op::Filing};

const char* opName(Op op) {
  switch (op) {
    case Op::Identify: return "identify (e-SSC)";
    case Op::Contributions: return "contributions query";
    case Op::Filing: return "filing (change_phone)";
  }
  return "?";
}

struct Cell {
  std::string backend;
  Op op = Op::Identify;
  int clients = 0;
  double seconds = 0;
  std::vector<double> latenciesMs;      ///< of the expected answers
  std::int64_t errors = 0;
  std::map<std::string, std::int64_t> errorKinds;  ///< "503 storage-unavailable" → count
};

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

int usage(const char* problem) {
  if (problem) std::fprintf(stderr, "onestop-bench-central: %s\n", problem);
  std::fprintf(stderr,
               "usage: onestop-bench-central [--quick] [--backends sqlite,postgresql] [--clients 1,16,64]\n"
               "                             [--seconds S] [--people N] [--keep DIR]\n"
               "  --quick     1 s per figure and 300 synthetic people (default 5 s, 2000)\n"
               "  --keep DIR  work in DIR (PKI, SQLite file, logs) and leave it there\n");
  return 2;
}

std::optional<Options> parseArgs(int argc, char** argv) {
  Options o;
  bool secondsGiven = false, peopleGiven = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    if (a == "--quick") {
      o.quick = true;
    } else if (a == "--backends") {
      auto v = value();
      if (!v) return std::nullopt;
      o.backends = splitList(*v);
      for (auto& b : o.backends) {
        if (b == "postgres" || b == "pg") b = "postgresql";
        if (b != "sqlite" && b != "postgresql") return std::nullopt;
      }
    } else if (a == "--clients") {
      auto v = value();
      if (!v) return std::nullopt;
      o.clients.clear();
      for (const auto& c : splitList(*v)) {
        const int n = std::atoi(c.c_str());
        if (n < 1 || n > 200) return std::nullopt;
        o.clients.push_back(n);
      }
    } else if (a == "--seconds") {
      auto v = value();
      if (!v || std::atof(v->c_str()) <= 0) return std::nullopt;
      o.seconds = std::atof(v->c_str());
      secondsGiven = true;
    } else if (a == "--people") {
      auto v = value();
      if (!v || std::atoll(v->c_str()) < 1) return std::nullopt;
      o.people = std::atoll(v->c_str());
      peopleGiven = true;
    } else if (a == "--keep") {
      auto v = value();
      if (!v) return std::nullopt;
      o.keep = *v;
    } else {
      return std::nullopt;
    }
  }
  if (o.quick && !secondsGiven) o.seconds = 1;
  if (o.quick && !peopleGiven) o.people = 300;
  if (o.backends.empty() || o.clients.empty()) return std::nullopt;
  return o;
}

// ---------------------------------------------------------------------------------------
// One kiosk client: a kept-alive TLS connection with KIOSK-DEMO-01's certificate.

class KioskClient {
 public:
  KioskClient(const fs::path& pki, int port)
      : client_("127.0.0.1", port, (pki / "kiosks" / (std::string(kKiosk) + ".crt")).string(),
                (pki / "kiosks" / (std::string(kKiosk) + ".key")).string()) {
    client_.set_ca_cert_path((pki / "ca.crt").string().c_str());
    client_.enable_server_certificate_verification(true);
    client_.set_keep_alive(true);
    client_.set_tcp_nodelay(true);  // headers and body go out in separate writes: no Nagle wait
    client_.set_connection_timeout(10, 0);
    client_.set_read_timeout(30, 0);
    client_.set_write_timeout(30, 0);
  }

  struct Answer {
    int status = 0;          ///< 0: no HTTP answer (transport error)
    std::string body;
    std::string transportError;
  };

  Answer identify(const std::string& esscToken) {
    const std::string body = nlohmann::json{{"method", "essc"}, {"token", esscToken}}.dump();
    return answer(client_.Post("/v1/identify", body, "application/json"));
  }

  Answer contributions(const std::string& session, int year) {
    httplib::Headers h{{"Authorization", "Bearer " + session}};
    return answer(client_.Get(("/v1/me/contributions?year=" + std::to_string(year)).c_str(), h));
  }

  Answer fileChangePhone(const std::string& session, const std::string& idempotencyKey, const std::string& phone) {
    httplib::Headers h{{"Authorization", "Bearer " + session}, {"Idempotency-Key", idempotencyKey}};
    const std::string body =
        nlohmann::json{{"service", "change_phone"}, {"details", {{"phone", phone}}}}.dump();
    return answer(client_.Post("/v1/me/filings", h, body, "application/json"));
  }

 private:
  static Answer answer(const httplib::Result& r) {
    Answer a;
    if (!r) {
      a.transportError = httplib::to_string(r.error());
      return a;
    }
    a.status = r->status;
    a.body = r->body;
    return a;
  }

  httplib::SSLClient client_;
};

/// "503 storage-unavailable" from a problem+json answer; "transport: …" without one.
std::string errorKind(const KioskClient::Answer& a) {
  if (a.status == 0) return "transport: " + a.transportError;
  std::string kind = std::to_string(a.status);
  const auto j = nlohmann::json::parse(a.body, nullptr, false);
  if (j.is_object() && j.contains("code") && j["code"].is_string()) kind += " " + j["code"].get<std::string>();
  return kind;
}

// ---------------------------------------------------------------------------------------
// One run: `clients` threads against a started server, each operation in turn.

struct ClientResult {
  std::vector<double> latenciesMs[3];
  std::int64_t errors[3] = {0, 0, 0};
  std::map<std::string, std::int64_t> errorKinds[3];
  Clock::time_point finished[3];
};

std::vector<Cell> runClients(const std::string& backend, const fs::path& pki, int port, int clients,
                             const Options& options, int year, int round) {
  std::vector<ClientResult> results(static_cast<std::size_t>(clients));
  std::barrier sync(clients + 1);
  Clock::time_point deadline;  // written by the main thread before the barrier releases the clients
  std::atomic<int> setupFailures{0};
  std::string setupError;
  std::mutex setupErrorMutex;

  auto clientMain = [&](int index) {
    auto& result = results[static_cast<std::size_t>(index)];
    KioskClient client(pki, port);
    // Person of this client for the whole run; identify walks through everyone.
    const auto people = options.people;
    const std::int64_t own = (static_cast<std::int64_t>(round) * 997 + index) % people;
    std::string session;
    auto first = client.identify(demo::syntheticEsscToken(kSyntheticSeed, own));
    if (first.status == 201) {
      session = nlohmann::json::parse(first.body, nullptr, false).value("sessionToken", "");
    }
    if (session.empty()) {
      ++setupFailures;
      std::lock_guard lock(setupErrorMutex);
      setupError = errorKind(first);
    }
    sync.arrive_and_wait();  // everyone connected and identified

    std::int64_t counter = 0;
    for (int op = 0; op < 3; ++op) {
      sync.arrive_and_wait();  // the main thread has set the deadline
      auto& lat = result.latenciesMs[op];
      lat.reserve(4096);
      while (Clock::now() < deadline) {
        ++counter;
        const auto start = Clock::now();
        KioskClient::Answer a;
        int expected = 200;
        switch (kOps[op]) {
          case Op::Identify: {
            const std::int64_t person = (own + counter * 31) % people;
            a = client.identify(demo::syntheticEsscToken(kSyntheticSeed, person));
            expected = 201;
            break;
          }
          case Op::Contributions:
            a = client.contributions(session, year);
            expected = 200;
            break;
          case Op::Filing: {
            char key[64], phone[16];
            std::snprintf(key, sizeof key, "bench-%s-r%d-c%d-%lld", backend == "sqlite" ? "sq" : "pg", round, index,
                          static_cast<long long>(counter));
            std::snprintf(phone, sizeof phone, "139%08lld",
                          static_cast<long long>((index * 1000003LL + counter) % 100000000LL));
            a = client.fileChangePhone(session, key, phone);
            expected = 201;
            break;
          }
        }
        const auto end = Clock::now();
        if (a.status == expected) {
          lat.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        } else {
          ++result.errors[op];
          ++result.errorKinds[op][errorKind(a)];
        }
      }
      result.finished[op] = Clock::now();
      sync.arrive_and_wait();  // operation done
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(clients));
  for (int i = 0; i < clients; ++i) threads.emplace_back(clientMain, i);
  sync.arrive_and_wait();
  if (setupFailures > 0)
    std::fprintf(stderr, "  %d of %d clients could not identify (%s); their requests count as errors\n",
                 setupFailures.load(), clients, setupError.c_str());

  std::vector<Cell> cells;
  const auto duration = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
  for (int op = 0; op < 3; ++op) {
    const auto start = Clock::now();
    deadline = start + duration;
    sync.arrive_and_wait();  // go
    sync.arrive_and_wait();  // all done
    Cell cell;
    cell.backend = backend;
    cell.op = kOps[op];
    cell.clients = clients;
    Clock::time_point last = start;
    for (auto& r : results) {
      last = std::max(last, r.finished[op]);
      cell.latenciesMs.insert(cell.latenciesMs.end(), r.latenciesMs[op].begin(), r.latenciesMs[op].end());
      cell.errors += r.errors[op];
      for (const auto& [k, n] : r.errorKinds[op]) cell.errorKinds[k] += n;
    }
    cell.seconds = std::chrono::duration<double>(last - start).count();
    std::sort(cell.latenciesMs.begin(), cell.latenciesMs.end());
    std::fprintf(stderr, "  %-10s %-22s %3d clients: %zu ok, %lld errors\n", backend.c_str(), opName(kOps[op]),
                 clients, cell.latenciesMs.size(), static_cast<long long>(cell.errors));
    cells.push_back(std::move(cell));
  }
  for (auto& t : threads) t.join();
  return cells;
}

// ---------------------------------------------------------------------------------------
// Ctrl-C / SIGTERM: a waiting thread stops the PostgreSQL cluster and removes the work
// directory, so an interrupted run leaves no server behind.

std::mutex cleanupMutex;
std::string cleanupPgDir;    ///< the running throwaway cluster's DIR, if any
std::string cleanupWorkDir;  ///< the temporary work directory, if it is to be removed

void startSignalThread() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by every thread started later
  std::thread([signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::lock_guard lock(cleanupMutex);
    std::fprintf(stderr, "\ninterrupted: cleaning up\n");
    if (!cleanupPgDir.empty()) {
      const auto cmd = shellQuote(ONESTOP_PG_SCRIPT) + " stop " + shellQuote(cleanupPgDir) + " >/dev/null 2>&1";
      if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "could not stop PostgreSQL in %s\n", cleanupPgDir.c_str());
    }
    std::error_code ec;
    if (!cleanupWorkDir.empty()) fs::remove_all(cleanupWorkDir, ec);
    std::_Exit(128 + signal);
  }).detach();
}

// ---------------------------------------------------------------------------------------
// A backend: database URL (and for PostgreSQL a throwaway cluster), seeding, the server.

class ThrowawayPostgres {
 public:
  explicit ThrowawayPostgres(fs::path dir) : dir_(std::move(dir)) {}
  ~ThrowawayPostgres() {
    std::lock_guard lock(cleanupMutex);
    cleanupPgDir.clear();
    if (started_) {
      const auto cmd = shellQuote(ONESTOP_PG_SCRIPT) + " stop " + shellQuote(dir_.string()) + " >/dev/null 2>&1";
      if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "could not stop PostgreSQL in %s\n", dir_.c_str());
    }
  }
  /// The server's URL, or nullopt (the reason is printed).
  std::optional<std::string> start() {
    const auto log = dir_.string() + ".log";
    const auto cmd = shellQuote(ONESTOP_PG_SCRIPT) + " start " + shellQuote(dir_.string()) + " >" +
                     shellQuote(log) + " 2>&1";
    {
      std::lock_guard lock(cleanupMutex);
      cleanupPgDir = dir_.string();
      started_ = true;  // stop cleans up after a half-made start too
    }
    if (std::system(cmd.c_str()) != 0) {
      std::ifstream in(log);
      std::string line, last;
      while (std::getline(in, line))
        if (!line.empty()) last = line;
      std::printf("PostgreSQL: could not start a throwaway server (%s) — PostgreSQL rows skipped\n",
                  last.empty() ? "see tests/support/postgres.sh" : last.c_str());
      return std::nullopt;
    }
    std::ifstream in(dir_ / "url");
    std::string url;
    std::getline(in, url);
    if (url.empty()) {
      std::printf("PostgreSQL: no URL in %s — PostgreSQL rows skipped\n", (dir_ / "url").c_str());
      return std::nullopt;
    }
    return url;
  }

 private:
  fs::path dir_;
  bool started_ = false;
};

bool seed(const std::string& url, const Options& options, std::chrono::year_month_day today) {
  auto db = store::Database::open(url);
  if (!db) return std::fprintf(stderr, "database %s: %s\n", url.c_str(), db.error().message.c_str()), false;
  auto version = store::migrate(*db.value(), api::centralMigrations());
  if (!version) return std::fprintf(stderr, "migration: %s\n", version.error().message.c_str()), false;
  auto lease = db.value()->acquire();
  if (!lease) return std::fprintf(stderr, "database: %s\n", lease.error().message.c_str()), false;
  const auto start = Clock::now();
  auto seeded = demo::seedSynthetic(*lease.value(), options.people, kSyntheticSeed, today);
  if (!seeded) return std::fprintf(stderr, "seeding: %s\n", seeded.error().message.c_str()), false;
  std::fprintf(stderr, "  seeded %lld synthetic people (%lld contribution rows) in %.1f s\n",
               static_cast<long long>(seeded->citizens), static_cast<long long>(seeded->contributions),
               std::chrono::duration<double>(Clock::now() - start).count());
  return true;
}

std::vector<Cell> benchBackend(const std::string& backend, const std::string& url, const fs::path& work,
                               const fs::path& pki, const Options& options) {
  const auto now = api::systemNow();
  api::ApiOptions apiOptions;
  const auto today = api::localDay(now, apiOptions.utcOffsetMinutes);
  std::fprintf(stderr, "%s: seeding %s\n", backend.c_str(), url.c_str());
  if (!seed(url, options, today)) {
    std::printf("%s: could not seed the database — rows skipped\n", backend.c_str());
    return {};
  }

  ServerConfig config;
  config.host = "127.0.0.1";
  config.port = 0;
  config.dbUrl = url;
  config.tlsDir = pki;
  config.keysDir = work / ("keys-" + backend);
  config.api.identifyPerMinute = 1'000'000'000;  // all clients share one kiosk certificate
  const int maxClients = *std::max_element(options.clients.begin(), options.clients.end());
  config.http.threads = std::clamp(maxClients + 8, 72, 256);
  auto server = CentralServer::start(config);
  if (!server) {
    std::printf("%s: the server did not start (%s) — rows skipped\n", backend.c_str(), server.error().c_str());
    return {};
  }
  const int year = static_cast<int>(today.year()) - 1;  // a full year of months for most people
  std::vector<Cell> cells;
  int round = 0;
  for (int clients : options.clients) {
    auto run = runClients(backend, pki, server.value()->port(), clients, options, year, round++);
    cells.insert(cells.end(), std::make_move_iterator(run.begin()), std::make_move_iterator(run.end()));
  }
  server.value()->stop();
  return cells;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto i = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(i, sorted.size() - 1)];
}

void printTable(const std::vector<Cell>& cells, const Options& options) {
  std::printf("\n| %-10s | %-22s | %7s | %10s | %8s | %8s | %8s | %7s |\n", "backend", "operation", "clients",
              "requests/s", "p50 ms", "p99 ms", "ok", "errors");
  std::printf("|%s|%s|%s|%s|%s|%s|%s|%s|\n", std::string(12, '-').c_str(), std::string(24, '-').c_str(),
              std::string(8, '-').append(":").c_str(), std::string(11, '-').append(":").c_str(),
              std::string(9, '-').append(":").c_str(), std::string(9, '-').append(":").c_str(),
              std::string(9, '-').append(":").c_str(), std::string(8, '-').append(":").c_str());
  for (const auto& backend : options.backends)
    for (Op op : kOps)
      for (const auto& c : cells) {
        if (c.backend != backend || c.op != op) continue;
        const double rps = c.seconds > 0 ? static_cast<double>(c.latenciesMs.size()) / c.seconds : 0;
        std::printf("| %-10s | %-22s | %7d | %10.1f | %8.2f | %8.2f | %8zu | %7lld |\n", c.backend.c_str(),
                    opName(c.op), c.clients, rps, percentile(c.latenciesMs, 0.50), percentile(c.latenciesMs, 0.99),
                    c.latenciesMs.size(), static_cast<long long>(c.errors));
      }
  bool anyErrors = false;
  for (const auto& c : cells)
    for (const auto& [kind, n] : c.errorKinds) {
      if (!anyErrors) std::printf("\nerrors by kind:\n");
      anyErrors = true;
      std::printf("  %-10s %-22s %3d clients: %6lld × %s\n", c.backend.c_str(), opName(c.op), c.clients,
                  static_cast<long long>(n), kind.c_str());
    }
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
  spdlog::set_level(spdlog::level::off);  // errors are counted and listed below the table
  startSignalThread();

  // Work directory: PKI, SQLite file, seal keys, the PostgreSQL cluster's state.
  fs::path work;
  if (!options.keep.empty()) {
    work = fs::absolute(options.keep);
    std::error_code ec;
    fs::create_directories(work, ec);
  } else {
    std::string pattern = (fs::temp_directory_path() / "onestop-bench-central-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return std::perror("mkdtemp"), 1;
    work = pattern;
    std::lock_guard lock(cleanupMutex);
    cleanupWorkDir = work.string();
  }
  const fs::path pki = work / "pki";
  const auto pkiLog = work / "make-dev-pki.log";
  const auto made =
      shellQuote(ONESTOP_DEV_PKI_SCRIPT) + " " + shellQuote(pki.string()) + " >" + shellQuote(pkiLog.string()) + " 2>&1";
  if (std::system(made.c_str()) != 0) {
    std::ifstream in(pkiLog);
    std::fprintf(stderr, "%s", std::string(std::istreambuf_iterator<char>(in), {}).c_str());
    std::fprintf(stderr, "making the dev PKI failed (%s %s)\n", ONESTOP_DEV_PKI_SCRIPT, pki.c_str());
    return 1;
  }

  std::string clientList;
  for (int c : options.clients) clientList += (clientList.empty() ? "" : ", ") + std::to_string(c);
  std::string load;
  std::ifstream("/proc/loadavg") >> load;
  std::printf("OneStop central server benchmark — mutual TLS on loopback, %lld synthetic people, "
              "%g s per figure, clients %s, %u CPUs (load average %s at start)\n",
              static_cast<long long>(options.people), options.seconds, clientList.c_str(),
              std::thread::hardware_concurrency(), load.empty() ? "?" : load.c_str());
  std::fflush(stdout);

  std::vector<Cell> cells;
  std::vector<std::string> ran;
  for (const auto& backend : options.backends) {
    if (backend == "sqlite") {
      auto run = benchBackend(backend, (work / "bench.db").string(), work, pki, options);
      cells.insert(cells.end(), run.begin(), run.end());
    } else {
      ThrowawayPostgres pg(work / "pg");
      std::fprintf(stderr, "postgresql: starting a throwaway server\n");
      auto url = pg.start();
      if (!url) continue;
      auto run = benchBackend(backend, *url, work, pki, options);
      cells.insert(cells.end(), run.begin(), run.end());
    }
  }
  printTable(cells, options);
  std::printf("\nrequests/s: expected answers (identify 201, contributions 200, filing 201) per second, all "
              "clients together;\np50/p99: latency of those answers, client side, TLS kept alive (the server "
              "closes a connection every 100 requests).\n");

  if (options.keep.empty()) {
    std::lock_guard lock(cleanupMutex);
    cleanupWorkDir.clear();
    std::error_code ec;
    fs::remove_all(work, ec);
  }
  return 0;
}
