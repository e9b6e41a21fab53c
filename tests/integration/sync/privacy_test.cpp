// No personal data at rest on the kiosk: a filing carrying a citizen's ID number and name
// is queued while the central system is down, then delivered; all the while the kiosk's
// logging (spdlog, as the kiosk sets it up: a file, every level) runs. Then the outbox
// database with its -wal and -shm, the log file and the temporary directory are searched
// for the ID number and the name, as UTF-8, UTF-16LE and UTF-16BE: nothing may be found.
//
// spdlog is the compiled library the sync code logs through; this target does not link it
// by name, so its configuration (Debian's spdlog::spdlog) is given here.
#ifndef SPDLOG_COMPILED_LIB
#define SPDLOG_COMPILED_LIB 1
#endif
#ifndef SPDLOG_SHARED_LIB
#define SPDLOG_SHARED_LIB 1
#endif
#ifndef SPDLOG_FMT_EXTERNAL
#define SPDLOG_FMT_EXTERNAL 1
#endif
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <cstdlib>

#include "api/clock.hpp"
#include "sync/json_reader.hpp"
#include "sync/relay.hpp"
#include "sync_support.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;
using namespace synctest;

namespace {

// The kiosk's logging for the length of a test: everything into `file`, then back.
class LogToFile {
 public:
  explicit LogToFile(const std::string& file) : previous_(spdlog::default_logger()) {
    logger_ = std::make_shared<spdlog::logger>("kiosk", std::make_shared<spdlog::sinks::basic_file_sink_mt>(file, true));
    logger_->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");   // as kiosk/app/logging.cpp
    logger_->set_level(spdlog::level::trace);
    logger_->flush_on(spdlog::level::trace);
    spdlog::set_default_logger(logger_);
  }
  ~LogToFile() { spdlog::set_default_logger(previous_); }
  void flush() { logger_->flush(); }

 private:
  std::shared_ptr<spdlog::logger> previous_, logger_;
};

// TMPDIR pointed at the kiosk's own directory for the length of a test.
class TmpDirIn {
 public:
  explicit TmpDirIn(const std::string& dir) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TmpDirIn() {
    if (old_) ::setenv("TMPDIR", old_->c_str(), 1);
    else ::unsetenv("TMPDIR");
  }

 private:
  std::optional<std::string> old_;
};

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("a filing's ID number and name leave no trace in the outbox files, the log or the temp directory") {
  TempDir kiosk("privacy");   // the kiosk's state: outbox, key, log, temporary files
  // The central server's own database (which does hold the citizen) lives elsewhere.
  TestCentral central(Backend::Sqlite);

  const auto card = TestCentral::cardOf("rare-name");
  const auto idNumber = card["idNumber"].get<std::string>();
  const auto name = card["name"].get<std::string>();   // 测试䶮𠈌: CJK Extension A and B
  const std::vector<std::string> planted = {idNumber, name, name.substr(std::string("测试").size())};

  // The search is real: it finds each needle in each encoding.
  {
    TempDir control("privacy-control");
    for (std::size_t e = 0; e < 3; ++e) writeAll(control / ("f" + std::to_string(e)), "x" + encodings(name)[e] + "y");
    writeAll(control / "id", "x" + utf16(idNumber, false) + "y");
    CHECK(findPlanted(control.path(), planted).size() == 3 + 3 + 1);
  }

  fs::create_directories(kiosk / "tmp");
  TmpDirIn tmp(kiosk / "tmp");
  LogToFile log(kiosk / "kiosk.log");
  central.stopServer();
  const auto now = [] { return onestop::central::api::systemNow(); };
  OutboxPolicy quick;
  quick.backoff.baseSeconds = 0.2;
  quick.backoff.capSeconds = 0.5;
  auto opened = Outbox::open(kiosk / "outbox.db", kiosk / "outbox.key", quick);
  REQUIRE(opened.ok());
  auto box = std::move(opened.value());

  HttpRequest filing;
  filing.method = "POST";
  filing.path = "/v1/me/filings";
  filing.body = R"({"service":"change_phone","details":{"phone":"13911112222"}})";
  filing.headers[Relay::kIdentifyHeader] = nlohmann::json{{"method", "id_card"}, {"card", card}}.dump();
  REQUIRE(filing.headers[Relay::kIdentifyHeader].find(idNumber) != std::string::npos);
  // The ordering key is opaque, as the kiosk makes it (never the ID number).
  REQUIRE(box->enqueue("filing", "citizen-7f3c2a9e", filing, now()).ok());

  Network net(trustFor(central.port()));
  std::atomic<int> delivered{0};
  std::atomic<Link> link{Link::Unknown};
  RelayEvents events;
  events.delivered = [&](const OutboxItem&, const HttpResult&) { ++delivered; };
  events.linkChanged = [&](Link l) { link = l; };
  Relay relay(net, *box, events, now);
  relay.kick();
  REQUIRE(eventually([&] { return link.load() == Link::Offline; }, 20));
  CHECK(box->counts()->pending == 1);
  // Queued: on disk, but sealed.
  log.flush();
  CHECK_MESSAGE(findPlanted(kiosk.path(), planted).empty(), join(findPlanted(kiosk.path(), planted)));

  central.restart();
  relay.kick();
  REQUIRE(eventually([&] { return delivered.load() == 1; }, 30));
  relay.stop();
  net.stop();
  CHECK(box->counts()->pending == 0);
  CHECK(central.count("SELECT COUNT(*) FROM applications") == 1);

  // Delivered, the outbox still open (its -wal and -shm present): nothing.
  log.flush();
  CHECK(fs::exists(kiosk / "outbox.db-wal"));
  auto hits = findPlanted(kiosk.path(), planted);
  CHECK_MESSAGE(hits.empty(), join(hits));
  // Closed (SQLite checkpoints the WAL into the database): nothing either.
  box.reset();
  log.flush();
  hits = findPlanted(kiosk.path(), planted);
  CHECK_MESSAGE(hits.empty(), join(hits));
  // The search looked at a real log of this run.
  const auto logText = readAll(kiosk / "kiosk.log");
  CHECK(logText.find("delivered") != std::string::npos);
  CHECK(logText.find("link offline") != std::string::npos);
}

TEST_CASE("typed values built into a request body are zeroed in place, at any depth") {
  nlohmann::json body{{"service", "change_phone"}, {"details", {{"phone", "13912345678"}, {"baseFen", 420000}}},
                      {"list", {"人民路4号"}}};
  const auto* phone = body["details"]["phone"].get_ref<const std::string&>().data();
  wipeJsonStrings(body);
  CHECK(std::string(phone, 11) == std::string(11, '\0'));
  CHECK(body["list"][0].get_ref<const std::string&>().find("人民") == std::string::npos);
  CHECK(body["details"]["baseFen"] == 420000);   // numbers are not personal text
}
