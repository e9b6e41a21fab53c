// Fuzzes the central server's /v1 API behind the transport: one input is one request, fed
// to CentralApi::handle on a temporary SQLite database holding the demo citizens.
//
// Input format (text, so seeds are readable and mutations stay request-shaped):
//
//   kiosk KIOSK-DEMO-01                  caller: kiosk|staff [ID], anything else = no certificate
//   POST /v1/me/filings?x=1              method, path, optional query string (%-decoded)
//   content-type: application/json       headers until an empty line; only content-type,
//   authorization: Bearer {session}      authorization, idempotency-key and if-none-match
//   idempotency-key: fuzz-0001           are passed on (the API reads no others)
//
//   {"service":"change_phone", …}        the body: everything after the empty line
//
// An input may hold up to 8 such requests, separated by a line "===", run in order.
//
// Placeholders, replaced anywhere in the path, header values and body, let mutations reach
// past the lookups: {session} a live session of the demo person "worker" at KIOSK-DEMO-01,
// {acceptance} a real acceptance number, {latest} the acceptance number of the latest 201
// answer that carried one, {serial} / {code} / {seal} a certificate issued at start-up. The
// database persists across inputs (as the server's does).
//
// Invariants (a violation prints the request and response and aborts):
//   handle() never throws and never answers 500 (it turns a thrown exception into one);
//   the status is 200…599; every status >= 400 is application/problem+json with a JSON
//   object body whose "code" is a non-empty string; a non-empty 2xx body is valid JSON.
// ONESTOP_FUZZ_ALLOW_500=1 drops the "no 500" rule; ONESTOP_FUZZ_VERBOSE=1 prints every
// request's answer (to check seeds: fuzz-central_api -runs=0 tests/fuzz/corpus/central_api);
// ONESTOP_FUZZ_RAW_CALLER=1 passes any caller id through (by default only ids a certificate
// CN could plausibly carry: 1-64 printable ASCII characters, no spaces).
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "api/central_api.hpp"
#include "api/clock.hpp"
#include "api/schema.hpp"
#include "demo/people_file.hpp"
#include "demo/seed.hpp"
#include "seal/key_ring.hpp"
#include "store/database.hpp"

namespace {

namespace fs = std::filesystem;
using namespace onestop::central;
using nlohmann::json;

// A fixed clock (Monday 2026-11-23 10:00 in Beijing) that moves one second every 16 inputs,
// so rate-limit windows turn over and runs are reproducible whatever the date.
constexpr std::int64_t kEpoch = 1795399200;
std::int64_t ticks = 0;
std::int64_t fuzzNow() { return kEpoch + ticks / 16; }

constexpr const char* kWorkerEssc = "ESSC1.3ACF773780EB26D414D5ACE483B32EED";  // docs/demo-data.md

std::ostringstream logText;  // spdlog's error output, shown with a violation

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "central_api_fuzz: %s\n", what.c_str());
  std::abort();
}

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX and '+' as cpp-httplib decodes query parameters.
std::string urlDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

void replaceAll(std::string& s, std::string_view from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

class Harness {
 public:
  Harness() {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(logText);
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("fuzz", sink));
    spdlog::set_level(spdlog::level::err);
    allow500_ = std::getenv("ONESTOP_FUZZ_ALLOW_500") != nullptr;
    verbose_ = std::getenv("ONESTOP_FUZZ_VERBOSE") != nullptr;
    rawCaller_ = std::getenv("ONESTOP_FUZZ_RAW_CALLER") != nullptr;

    const fs::path base = fs::exists("/dev/shm") && access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm")
                                                                                  : fs::temp_directory_path();
    removeStaleDirs(base);
    std::string pattern = (base / ("onestop-fuzz-central-" + std::to_string(getpid()) + "-XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) die("mkdtemp failed");
    dir_ = pattern;

    store::OpenOptions options;
    options.poolSize = 1;
    options.busyTimeoutMs = 1000;
    options.synchronousFull = false;
    auto db = store::Database::open((dir_ / "fuzz.db").string(), options);
    if (!db) die("database: " + db.error().message);
    db_ = std::move(db.value());
    auto version = store::migrate(*db_, api::centralMigrations());
    if (!version) die("migration: " + version.error().message);
    auto people = demo::loadDemoPeople(demo::defaultDemoPeoplePath());
    if (!people) die("demo people: " + people.error());
    {
      auto lease = db_->acquire();
      if (!lease) die("database: " + lease.error().message);
      api::ApiOptions defaults;
      auto seeded = demo::seedDemoCitizens(*lease.value(), people.value(), api::localDay(fuzzNow(), defaults.utcOffsetMinutes));
      if (!seeded) die("seeding: " + seeded.error().message);
    }
    keys_.rotate(fuzzNow());

    api::ApiOptions apiOptions;
    apiOptions.identifyPerMinute = 100000;  // the harness identifies too, to renew {session}
    api_ = std::make_unique<api::CentralApi>(*db_, keys_, apiOptions, fuzzNow);

    // What the placeholders stand for.
    openSession();
    auto filing = setupCall("POST", "/v1/me/filings", R"({"service":"change_address","details":{"address":"测试路88号3单元"}})",
                            "fuzz-setup-filing", 201);
    acceptance_ = filing.value("acceptanceNumber", "");
    auto certificate = setupCall("POST", "/v1/me/certificates", R"({"type":"participation"})", "", 201);
    serial_ = certificate.value("serial", "");
    code_ = certificate.value("verificationCode", "");
    seal_ = certificate.value("seal", "");
    if (acceptance_.empty() || serial_.empty() || code_.empty() || seal_.empty()) die("set-up answers lack fields");
  }

  ~Harness() { removeFiles(); }  // libFuzzer exits normally after -max_total_time / -runs

  static Harness& instance() {
    static Harness h;
    return h;
  }

  // One input: up to kMaxRequests requests separated by a line "===".
  void run(std::string_view data) {
    constexpr std::string_view kSeparator = "\n===\n";
    for (int n = 0; n < kMaxRequests && !data.empty(); ++n) {
      const auto end = data.find(kSeparator);
      runOne(data.substr(0, end));
      if (end == std::string_view::npos) break;
      data.remove_prefix(end + kSeparator.size());
    }
  }

 private:
  static constexpr int kMaxRequests = 8;

  void runOne(std::string_view text) {
    ++ticks;
    api::ApiRequest request;
    const bool usesSession = parse(text, request);
    if (usesSession && (session_.empty() || fuzzNow() - sessionOpenedAt_ > 600)) openSession();
    substitute(request);

    logText.str("");
    api::ApiResponse response;
    try {
      response = api_->handle(request);
    } catch (const std::exception& e) {
      violation(request, response, std::string("handle() threw: ") + e.what());
    } catch (...) {
      violation(request, response, "handle() threw a non-standard exception");
    }
    check(request, response);
    if (verbose_)
      std::fprintf(stderr, "central_api_fuzz: %s %s -> %d %.160s\n", request.method.c_str(), request.path.c_str(),
                   response.status, response.body.c_str());

    // Keep {session} alive: a DELETE /v1/session or an expiry ends it.
    if (usesSession && (response.status == 401 || (request.method == "DELETE" && request.path == "/v1/session")))
      session_.clear();
    // {latest}: the acceptance number of the latest filing or certificate, for sequences
    // such as file → in_review → approved → completed → progress → rating.
    if (response.status == 201 && response.body.find("acceptanceNumber") != std::string::npos) {
      const auto j = json::parse(response.body, nullptr, false);
      if (j.is_object() && j.contains("acceptanceNumber") && j["acceptanceNumber"].is_string())
        latest_ = j["acceptanceNumber"].get<std::string>();
    }
  }

  // Splits the input; returns whether it asks for {session}.
  bool parse(std::string_view data, api::ApiRequest& request) const {
    std::size_t at = 0;
    auto nextLine = [&]() -> std::string_view {
      if (at >= data.size()) return {};
      auto end = data.find('\n', at);
      if (end == std::string_view::npos) end = data.size();
      auto line = data.substr(at, end - at);
      at = end + 1;
      return line;
    };

    // Caller.
    const std::string callerLine = trim(nextLine());
    const auto space = callerLine.find(' ');
    const std::string kind = callerLine.substr(0, space);
    std::string id = space == std::string::npos ? "" : trim(std::string_view(callerLine).substr(space + 1));
    // The id is a certificate's CN, issued by the agency's CA: not the requester's to choose.
    // Modelled as what the audit trail accepts (1-64 printable ASCII characters); ids outside
    // that become the default (see tests/fuzz/crashes-central/500-caller-id-not-printable-ascii).
    const bool printable = !id.empty() && id.size() <= 64 &&
                           std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < 0x7f; });
    if (!printable && !rawCaller_) id.clear();
    if (kind == "kiosk") {
      request.caller.kind = api::Caller::Kind::Kiosk;
      request.caller.id = id.empty() ? "KIOSK-DEMO-01" : id;
    } else if (kind == "staff") {
      request.caller.kind = api::Caller::Kind::Staff;
      request.caller.id = id.empty() ? "STAFF-DEMO-01" : id;
    }

    // Request line.
    const std::string requestLine = trim(nextLine());
    const auto gap = requestLine.find(' ');
    request.method = requestLine.substr(0, gap);
    std::string target = gap == std::string::npos ? "" : trim(std::string_view(requestLine).substr(gap + 1));
    if (const auto q = target.find('?'); q != std::string::npos) {
      std::stringstream query(target.substr(q + 1));
      for (std::string pair; std::getline(query, pair, '&');) {
        const auto eq = pair.find('=');
        request.query.emplace(urlDecode(pair.substr(0, eq)), eq == std::string::npos ? "" : urlDecode(pair.substr(eq + 1)));
      }
      target.resize(q);
    }
    request.path = target;

    // Headers, then the body.
    for (;;) {
      if (at >= data.size()) break;
      const auto line = nextLine();
      if (trim(line).empty()) break;
      const auto colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const auto name = lower(trim(line.substr(0, colon)));
      if (name == "content-type" || name == "authorization" || name == "idempotency-key" || name == "if-none-match")
        request.headers.emplace(name, trim(line.substr(colon + 1)));
    }
    if (at < data.size()) request.body = std::string(data.substr(at));

    bool usesSession = request.body.find("{session}") != std::string::npos ||
                       request.path.find("{session}") != std::string::npos;
    for (const auto& [k, v] : request.headers) usesSession = usesSession || v.find("{session}") != std::string::npos;
    return usesSession;
  }

  void substitute(api::ApiRequest& request) const {
    auto apply = [&](std::string& s) {
      if (s.find('{') == std::string::npos) return;
      replaceAll(s, "{session}", session_);
      replaceAll(s, "{acceptance}", acceptance_);
      replaceAll(s, "{latest}", latest_.empty() ? acceptance_ : latest_);
      replaceAll(s, "{serial}", serial_);
      replaceAll(s, "{code}", code_);
      replaceAll(s, "{seal}", seal_);
    };
    apply(request.path);
    apply(request.body);
    for (auto& [k, v] : request.headers) apply(v);
    for (auto& [k, v] : request.query) apply(v);
  }

  void openSession() {
    api::ApiRequest r;
    r.method = "POST";
    r.path = "/v1/identify";
    r.caller = {api::Caller::Kind::Kiosk, "KIOSK-DEMO-01"};
    r.headers["content-type"] = "application/json";
    r.body = json{{"method", "essc"}, {"token", kWorkerEssc}}.dump();
    const auto response = api_->handle(r);
    const auto j = json::parse(response.body, nullptr, false);
    if (response.status != 201 || !j.is_object() || !j.contains("sessionToken"))
      die("set-up identify answered " + std::to_string(response.status) + " " + response.body + "\n" + logText.str());
    session_ = j["sessionToken"].get<std::string>();
    sessionOpenedAt_ = fuzzNow();
  }

  json setupCall(const std::string& method, const std::string& path, const std::string& body,
                 const std::string& idempotencyKey, int expected) {
    api::ApiRequest r;
    r.method = method;
    r.path = path;
    r.caller = {api::Caller::Kind::Kiosk, "KIOSK-DEMO-01"};
    r.headers["content-type"] = "application/json";
    r.headers["authorization"] = "Bearer " + session_;
    if (!idempotencyKey.empty()) r.headers["idempotency-key"] = idempotencyKey;
    r.body = body;
    const auto response = api_->handle(r);
    if (response.status != expected)
      die("set-up " + method + " " + path + " answered " + std::to_string(response.status) + " " + response.body +
          "\n" + logText.str());
    return json::parse(response.body, nullptr, false);
  }

  void check(const api::ApiRequest& request, const api::ApiResponse& response) const {
    if (response.status < 200 || response.status > 599) violation(request, response, "status outside 200…599");
    if (response.status == 500 && !allow500_)
      violation(request, response, "500: a handler threw or hit an unexpected storage error");
    if (response.status >= 400) {
      if (response.contentType != "application/problem+json")
        violation(request, response, "error answer is not application/problem+json");
      const auto j = json::parse(response.body, nullptr, false);
      if (!j.is_object()) violation(request, response, "problem body is not a JSON object");
      const auto code = j.find("code");
      if (code == j.end() || !code->is_string() || code->get_ref<const std::string&>().empty())
        violation(request, response, "problem body has no non-empty \"code\"");
    } else if (response.status < 300 && !response.body.empty()) {
      if (json::parse(response.body, nullptr, false).is_discarded())
        violation(request, response, "2xx body is not valid JSON");
    }
  }

  [[noreturn]] static void violation(const api::ApiRequest& request, const api::ApiResponse& response,
                                     const std::string& what) {
    std::fprintf(stderr, "\n=== central_api_fuzz: invariant violated: %s\n", what.c_str());
    std::fprintf(stderr, "request: caller kind %d id '%s'\n  %s %s\n", static_cast<int>(request.caller.kind),
                 request.caller.id.c_str(), request.method.c_str(), request.path.c_str());
    for (const auto& [k, v] : request.query) std::fprintf(stderr, "  query %s=%s\n", k.c_str(), v.c_str());
    for (const auto& [k, v] : request.headers) std::fprintf(stderr, "  %s: %s\n", k.c_str(), v.c_str());
    std::fprintf(stderr, "  body (%zu bytes): %.2000s\n", request.body.size(), request.body.c_str());
    std::fprintf(stderr, "response: %d %s\n  %.2000s\n", response.status, response.contentType.c_str(),
                 response.body.c_str());
    std::fprintf(stderr, "log:\n%s===\n", logText.str().c_str());
    std::abort();
  }

  // A crash ends the process without destructors: remove what dead runs left behind.
  static void removeStaleDirs(const fs::path& base) {
    constexpr std::string_view kPrefix = "onestop-fuzz-central-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(base, ec)) {
      const auto name = entry.path().filename().string();
      if (name.rfind(kPrefix, 0) != 0) continue;
      const auto pid = std::atoi(name.c_str() + kPrefix.size());
      if (pid > 0 && kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), ec);
    }
  }

  void removeFiles() {
    api_.reset();
    db_.reset();
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  fs::path dir_;
  std::unique_ptr<store::Database> db_;
  seal::KeyRing keys_;
  std::unique_ptr<api::CentralApi> api_;
  bool allow500_ = false;
  bool verbose_ = false;
  bool rawCaller_ = false;
  std::string session_;
  std::int64_t sessionOpenedAt_ = 0;
  std::string acceptance_, serial_, code_, seal_;
  std::string latest_;
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Harness::instance();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  Harness::instance().run(std::string_view(reinterpret_cast<const char*>(bytes), size));
  return 0;
}
