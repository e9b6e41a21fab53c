// kill -9 at random points while filings are accepted and relayed: afterwards every filing
// whose receipt was shown exists exactly once on the server, and the outbox is intact.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "central_fixture.hpp"
#include "support/test_db.hpp"
#include "sync/relay.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;

namespace {

// Runs the child for `millis`, then kill -9; returns the receipts it printed.
std::vector<std::string> runAndKill(const std::vector<std::string>& args, int millis) {
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  std::this_thread::sleep_for(std::chrono::milliseconds(millis));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  std::vector<std::string> receipts;
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(out[0], buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<size_t>(n));
  ::close(out[0]);
  std::size_t pos = 0;
  while ((pos = text.find("RECEIPT ", pos)) != std::string::npos) {
    const auto end = text.find('\n', pos);
    if (end == std::string::npos) break;   // a line cut by the kill was never "shown"
    receipts.push_back(text.substr(pos + 8, end - pos - 8));
    pos = end;
  }
  return receipts;
}

}  // namespace

TEST_CASE("kill -9 during filings, 200 times: every receipted filing reaches the server exactly once") {
  onestop::central::api::ApiOptions options;
  options.identifyPerMinute = 100000;
  TestCentral central(Backend::Sqlite, options);
  const auto base = onestop::test::freshSqlitePath("crash");
  const auto identifyFile = base + ".identify.json";
  std::ofstream(identifyFile) << nlohmann::json{{"method", "id_card"}, {"card", TestCentral::cardOf("worker")}}.dump();
  const std::string url = "https://127.0.0.1:" + std::to_string(central.port());
  std::mt19937 random(20261123);
  std::set<std::string> receipts;
  // 200 in ./onestop test; ONESTOP_CRASH_CYCLES for longer runs (bench) or debugging.
  const int cycles = std::getenv("ONESTOP_CRASH_CYCLES") ? std::atoi(std::getenv("ONESTOP_CRASH_CYCLES")) : 200;
  for (int i = 0; i < cycles; ++i) {
    const auto got = runAndKill({ONESTOP_CRASH_CHILD, base, base + ".key", url, pkiDir(), identifyFile,
                                 std::to_string(random()), "3"},
                                static_cast<int>(random() % 500) + 50);
    receipts.insert(got.begin(), got.end());
  }
  CHECK(receipts.size() > 0);

  // The kiosk comes back one last time and drains what is left.
  auto box = Outbox::open(base, base + ".key");
  REQUIRE_MESSAGE(box.ok(), box.error());
  CHECK(box.value()->intact());
  {
    TrustConfig trust;
    trust.serverUrl = url;
    trust.caCert = pkiDir() + "/ca.crt";
    trust.clientCert = pkiDir() + "/kiosks/KIOSK-TEST-01.crt";
    trust.clientKey = pkiDir() + "/kiosks/KIOSK-TEST-01.key";
    Network net(trust);
    RelayEvents events;
    events.refused = [](const OutboxItem& item, const HttpResult& r) {
      FAIL_CHECK("refused: item " << item.id << " HTTP " << r.status << " " << r.body);
    };
    Relay relay(net, *box.value(), events, [] { return onestop::central::api::systemNow() + 3600; });   // all due
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(300);
    while (box.value()->counts()->pending > 0 && std::chrono::steady_clock::now() < until) {
      relay.kick();
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
  CHECK(box.value()->counts()->pending == 0);
  CHECK(box.value()->intact());
  for (const auto& key : receipts) {
    CAPTURE(key);
    CHECK(central.count("SELECT COUNT(*) FROM idempotency_keys WHERE key = ? AND state = 'done'", {key}) == 1);
  }
  // Nothing filed twice: one application per idempotency key.
  CHECK(central.count("SELECT COUNT(*) FROM applications") ==
        central.count("SELECT COUNT(*) FROM idempotency_keys WHERE state = 'done'"));
  MESSAGE(receipts.size() << " receipts over " << cycles << " kills");
}
