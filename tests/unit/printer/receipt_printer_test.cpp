// The real receipt printer driver (ReceiptPrinter over a FileLink) against the simulated
// printer on a pty: a receipt prints only when it truly did, and the status follows paper,
// cover and power.
#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>

#include "documents/demo_receipts.hpp"
#include "printer/file_link.hpp"
#include "printer/receipt_printer.hpp"
#include "printer/sim/escpos_simulator.hpp"

using namespace onestop;
using namespace onestop::peripherals;
using namespace std::chrono_literals;
namespace pr = onestop::peripherals::printer;

namespace {

constexpr auto kWait = 10s;

std::vector<std::uint8_t> demoReceipt(const std::string& name = "filing") {
  for (auto& [n, r] : documents::demoReceipts())
    if (n == name) return documents::encodeReceipt(r).value();
  FAIL("no demo receipt");
  return {};
}

// A simulated printer and the real driver on its pty, with the driver's status events.
struct Rig {
  std::unique_ptr<pr::sim::EscPosSimulator> sim;
  std::unique_ptr<pr::ReceiptPrinter> printer;
  std::mutex m;
  std::condition_variable cv;
  std::vector<DeviceStatus> statuses;

  Rig() {
    auto created = pr::sim::EscPosSimulator::create();
    REQUIRE_MESSAGE(created.ok(), created.error().description);
    sim = std::move(created.value());
    pr::ReceiptPrinterConfig config;
    config.statusInterval = 200ms;
    config.reconnectInterval = 200ms;
    printer = std::make_unique<pr::ReceiptPrinter>(config, std::make_unique<pr::FileLink>(pr::FileLinkConfig{sim->devicePath()}));
    printer->start([this](DeviceEvent e) {
      if (auto* s = std::get_if<StatusChanged>(&e.body)) {
        std::lock_guard lock(m);
        statuses.push_back(s->status);
      }
      cv.notify_all();
    });
  }
  ~Rig() { printer->stop(); }

  bool waitForState(DeviceState state, const std::string& paper = "") {
    std::unique_lock lock(m);
    return cv.wait_for(lock, kWait, [&] {
      const auto s = printer->status();
      return s.device == state && (paper.empty() || (s.details.count("paper") && s.details.at("paper") == paper));
    });
  }

  Completion print(std::vector<std::uint8_t> bytes) {
    auto handle = printer->print(std::move(bytes), kWait);
    REQUIRE(handle.completion.wait_for(kWait + 2s) == std::future_status::ready);
    return handle.completion.get();
  }
};

}  // namespace

TEST_CASE("a receipt printed through the driver arrives whole at the simulated printer") {
  Rig rig;
  REQUIRE(rig.waitForState(DeviceState::Online, "full"));
  const auto done = rig.print(demoReceipt());
  CHECK_MESSAGE(done.ok(), done.description);
  REQUIRE(rig.sim->waitForReceipts(1, kWait));
  const auto receipts = rig.sim->takeReceipts();
  REQUIRE(receipts.size() == 1);
  CHECK(receipts[0].plainText().find("受理编号：2026112488406611") != std::string::npos);
  CHECK(rig.sim->findings().empty());
  CHECK(rig.sim->status().statusQueries >= 6);   // asked before and after the job
}

TEST_CASE("paper near its end still prints and reports paper low") {
  Rig rig;
  rig.sim->setPaperNearEnd(true);
  REQUIRE(rig.waitForState(DeviceState::Online, "low"));
  CHECK(rig.print(demoReceipt()).ok());
  CHECK(rig.sim->waitForReceipts(1, kWait));
}

TEST_CASE("with the paper out or the cover open nothing is sent and the job fails as a user error") {
  Rig rig;
  REQUIRE(rig.waitForState(DeviceState::Online));
  rig.sim->setPaperOut(true);
  auto done = rig.print(demoReceipt());
  CHECK(done.code == CompletionCode::UserError);
  CHECK(done.description.find("paper out") != std::string::npos);
  CHECK(rig.printer->status().details.at("paper") == "out");
  CHECK(rig.sim->status().bytesReceived < 100);   // status requests only, no receipt
  rig.sim->setPaperOut(false);
  rig.sim->setCoverOpen(true);
  done = rig.print(demoReceipt());
  CHECK(done.code == CompletionCode::UserError);
  CHECK(done.description.find("cover open") != std::string::npos);
  rig.sim->setCoverOpen(false);
  CHECK(rig.print(demoReceipt()).ok());
  CHECK(rig.sim->waitForReceipts(1, kWait));
  CHECK(rig.sim->status().receiptsLost == 0);
}

TEST_CASE("paper running out in the middle of a receipt fails the job") {
  Rig rig;
  REQUIRE(rig.waitForState(DeviceState::Online));
  rig.sim->setPaperOutAfter(200);
  const auto done = rig.print(demoReceipt());
  CHECK(done.code == CompletionCode::UserError);
  CHECK(rig.sim->status().receiptsLost == 1);
  CHECK(rig.sim->takeReceipts().empty());
  CHECK(rig.waitForState(DeviceState::UserError, "out"));
}

TEST_CASE("a printer that stops answering is offline, and online again when it answers") {
  Rig rig;
  REQUIRE(rig.waitForState(DeviceState::Online));
  rig.sim->setPoweredOff(true);
  REQUIRE(rig.waitForState(DeviceState::Offline));
  const auto done = rig.print(demoReceipt());
  CHECK(done.code == CompletionCode::DeviceNotReady);
  rig.sim->setPoweredOff(false);
  REQUIRE(rig.waitForState(DeviceState::Online));
  CHECK(rig.print(demoReceipt()).ok());
}

TEST_CASE("a missing printer node is noDevice, and commands other than print and status are refused") {
  pr::ReceiptPrinterConfig config;
  config.reconnectInterval = 100ms;
  pr::ReceiptPrinter printer(config, std::make_unique<pr::FileLink>(pr::FileLinkConfig{"/nonexistent/usb/lp9"}));
  printer.start({});
  auto status = printer.execute({"Common.Status", 5s});
  REQUIRE(status.completion.wait_for(kWait) == std::future_status::ready);
  CHECK(status.completion.get().code == CompletionCode::DeviceNotReady);
  CHECK(printer.status().device == DeviceState::NoDevice);
  auto unknown = printer.execute({"Printer.Eject", 1s});
  CHECK(unknown.completion.get().code == CompletionCode::UnsupportedCommand);
  auto job = printer.print(demoReceipt(), 5s);
  REQUIRE(job.completion.wait_for(kWait) == std::future_status::ready);
  CHECK(job.completion.get().code == CompletionCode::DeviceNotReady);
  printer.stop();
}
