// The scanner Device against the synthetic camera: scanning only on request, one report
// per code in view, unplug/replug as status changes, garbage frames harmless.
#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "scanner/scanner.hpp"
#include "scanner/synthetic_source.hpp"

using namespace onestop::peripherals;
using namespace onestop::peripherals::scanner;
using namespace std::chrono_literals;

namespace {

struct Inbox {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<DeviceEvent> events;

  void push(DeviceEvent e) {
    std::lock_guard lock(mutex);
    events.push_back(std::move(e));
    cv.notify_all();
  }
  template <class T>
  std::vector<T> all() {
    std::lock_guard lock(mutex);
    std::vector<T> out;
    for (const auto& e : events)
      if (auto* t = std::get_if<T>(&e.body)) out.push_back(*t);
    return out;
  }
  // Waits (generous upper bound) until pred holds over the event list.
  template <class Pred>
  bool waitFor(Pred pred, std::chrono::milliseconds limit = 10s) {
    std::unique_lock lock(mutex);
    return cv.wait_for(lock, limit, [&] { return pred(events); });
  }
};

template <class T>
std::size_t count(const std::vector<DeviceEvent>& events) {
  std::size_t n = 0;
  for (const auto& e : events) n += std::holds_alternative<T>(e.body) ? 1 : 0;
  return n;
}

bool lastStatusIs(const std::vector<DeviceEvent>& events, DeviceState state) {
  for (auto it = events.rbegin(); it != events.rend(); ++it)
    if (auto* s = std::get_if<StatusChanged>(&it->body)) return s->status.device == state;
  return false;
}

struct Rig {
  SyntheticSource* camera = nullptr;
  std::unique_ptr<CodeScanner> scanner;
  Inbox inbox;

  explicit Rig(ScannerConfig config = {}) {
    auto source = std::make_unique<SyntheticSource>(SyntheticConfig{640, 480, 60});
    camera = source.get();
    config.reconnectInterval = 50ms;
    scanner = std::make_unique<CodeScanner>(config, std::move(source));
    scanner->start([this](DeviceEvent e) { inbox.push(std::move(e)); });
  }
  ~Rig() { scanner->stop(); }
};

}  // namespace

TEST_CASE("no frames are read until a screen asks for scanning") {
  Rig rig;
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return lastStatusIs(ev, DeviceState::Online); }));
  rig.camera->showText("OSQ1.20250115.A012");
  std::this_thread::sleep_for(200ms);
  CHECK(rig.camera->framesDelivered() == 0);
  CHECK(rig.inbox.all<CodeRead>().empty());
  rig.scanner->setScanning(true);
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return count<CodeRead>(ev) >= 1; }));
  CHECK(rig.inbox.all<CodeRead>()[0].text == "OSQ1.20250115.A012");
  CHECK(rig.inbox.all<CodeRead>()[0].format == "QRCode");
  rig.scanner->setScanning(false);
  std::this_thread::sleep_for(100ms);
  const long frames = rig.camera->framesDelivered();
  std::this_thread::sleep_for(200ms);
  CHECK(rig.camera->framesDelivered() == frames);
}

TEST_CASE("a code held in view is reported once, and again after it was gone") {
  ScannerConfig config;
  config.repeatHold = 300ms;
  Rig rig(config);
  rig.scanner->setScanning(true);
  rig.camera->showText("OSR1.2025011500000124");
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return count<CodeRead>(ev) >= 1; }));
  std::this_thread::sleep_for(600ms);   // many frames with the same code
  CHECK(rig.inbox.all<CodeRead>().size() == 1);
  CHECK(rig.scanner->stats().framesDecoded > 5);
  rig.camera->clear();
  std::this_thread::sleep_for(500ms);
  rig.camera->showText("OSR1.2025011500000124");
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return count<CodeRead>(ev) >= 2; }));
  // Still in view when scanning resumes ("scan another"): not reported again until it was
  // gone for repeatHold, or the reader is reset.
  rig.scanner->setScanning(false);
  rig.scanner->setScanning(true);
  std::this_thread::sleep_for(200ms);
  CHECK(rig.inbox.all<CodeRead>().size() == 2);
  CHECK(rig.scanner->execute({"BarcodeReader.Reset", 0ms}).completion.get().ok());
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return count<CodeRead>(ev) >= 3; }));
}

TEST_CASE("unplugging the camera is a status change and replugging brings it back") {
  Rig rig;
  rig.scanner->setScanning(true);
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return lastStatusIs(ev, DeviceState::Online); }));
  rig.camera->unplug();
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return lastStatusIs(ev, DeviceState::NoDevice); }));
  CHECK(rig.scanner->status().device == DeviceState::NoDevice);
  rig.camera->replug();
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return lastStatusIs(ev, DeviceState::Online); }));
  rig.camera->showText("OSQ1.20250115.B007");
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return count<CodeRead>(ev) >= 1; }));
}

TEST_CASE("a camera that goes quiet while scanning is a hardware error until frames flow again") {
  ScannerConfig config;
  config.stallTimeout = 400ms;
  Rig rig(config);
  rig.scanner->setScanning(true);
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return lastStatusIs(ev, DeviceState::Online); }));
  rig.camera->setFault(SyntheticSource::Fault::Frozen);
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return lastStatusIs(ev, DeviceState::HardwareError); }));
  CHECK(rig.scanner->status().description.find("no frames") != std::string::npos);
  rig.camera->setFault(SyntheticSource::Fault::None);
  REQUIRE(rig.inbox.waitFor([](auto& ev) { return lastStatusIs(ev, DeviceState::Online); }));
  // Not scanning: no frames are expected, so quiet is not a fault.
  rig.scanner->setScanning(false);
  std::this_thread::sleep_for(800ms);
  CHECK(rig.scanner->status().device == DeviceState::Online);
}

TEST_CASE("garbage and dark frames read nothing and report their brightness") {
  Rig rig;
  rig.scanner->setScanning(true);
  rig.camera->setFault(SyntheticSource::Fault::Garbage);
  std::this_thread::sleep_for(400ms);
  rig.camera->setFault(SyntheticSource::Fault::Dark);
  std::this_thread::sleep_for(300ms);
  CHECK(rig.inbox.all<CodeRead>().empty());
  const auto stats = rig.scanner->stats();
  CHECK(stats.framesDecoded > 0);
  CHECK(stats.meanBrightness >= 0);
  CHECK(stats.meanBrightness < 20);
  CHECK(rig.scanner->previewAfter(0).has_value());
}

TEST_CASE("commands: status and reset complete, others are unsupported") {
  Rig rig;
  CHECK(rig.scanner->execute({"Common.Status", 0ms}).completion.get().ok());
  CHECK(rig.scanner->execute({"BarcodeReader.Reset", 0ms}).completion.get().ok());
  CHECK(rig.scanner->execute({"Printer.Print", 0ms}).completion.get().code == CompletionCode::UnsupportedCommand);
}
