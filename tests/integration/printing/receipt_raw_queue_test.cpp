// The receipt printer behind a CUPS raw queue: the ESC/POS bytes arrive unchanged, the job
// is followed to "completed", and a queue that is not ready fails the receipt.
#include <doctest/doctest.h>

#include <thread>

#include "cups_test_server.hpp"
#include "document_checks.hpp"
#include "documents/demo_receipts.hpp"
#include "printer/cups_raw_link.hpp"
#include "printer/receipt_printer.hpp"
#include "printer/sim/escpos_interpreter.hpp"

using namespace onestop;
using namespace onestop::peripherals;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace pr = onestop::peripherals::printer;

namespace {

std::unique_ptr<pr::ReceiptPrinter> receiptPrinterOn(const std::string& queue) {
  auto p = std::make_unique<pr::ReceiptPrinter>(
      pr::ReceiptPrinterConfig{}, std::make_unique<pr::CupsRawLink>(pr::CupsServer{server().socket, 0}, queue));
  p->start({});
  return p;
}

std::vector<fs::path> savedJobs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(server().out))
    if (e.path().filename().string().rfind("raw-job_", 0) == 0) out.push_back(e.path());
  return out;
}

}  // namespace

TEST_CASE("a receipt through a CUPS raw queue arrives byte for byte once its job completed") {
  auto printer = receiptPrinterOn("RECEIPTS");
  const auto before = savedJobs().size();
  const auto bytes = documents::encodeReceipt(documents::demoReceipts().at(0).second).value();
  auto handle = printer->print(bytes, 30s);
  REQUIRE(handle.completion.wait_for(35s) == std::future_status::ready);
  const auto done = handle.completion.get();
  REQUIRE_MESSAGE(done.ok(), done.description);
  const auto status = printer->status();
  CHECK(status.device == DeviceState::Online);
  CHECK(status.details.at("paper") == "unknown");   // a raw queue carries no answers

  std::vector<fs::path> jobs;
  for (int i = 0; i < 50 && (jobs = savedJobs()).size() == before; ++i) std::this_thread::sleep_for(100ms);
  REQUIRE(jobs.size() == before + 1);
  fs::path newest = jobs[0];
  for (const auto& j : jobs)
    if (fs::last_write_time(j) > fs::last_write_time(newest)) newest = j;
  const auto saved = documents::test::readFile(newest);
  CHECK(saved == std::string(bytes.begin(), bytes.end()));
  peripherals::printer::sim::EscPosInterpreter interpreter;
  interpreter.feed(bytes);
  CHECK(interpreter.takeReceipts().at(0).plainText().find("受理编号：2026112488406611") != std::string::npos);
}

TEST_CASE("a receipt for a stopped or missing raw queue fails and the printer is offline") {
  for (std::string queue : {"DISABLED", "NO-SUCH-QUEUE"}) {
    CAPTURE(queue);
    auto printer = receiptPrinterOn(queue);
    auto handle = printer->print(documents::encodeReceipt(documents::demoReceipts().at(0).second).value(), 10s);
    REQUIRE(handle.completion.wait_for(15s) == std::future_status::ready);
    CHECK(handle.completion.get().code == CompletionCode::DeviceNotReady);
    CHECK(printer->status().device == DeviceState::Offline);
  }
}
