#include "app/devices.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "app/scanned_codes.hpp"

#include "idcard/reader.hpp"
#include "printer/document_printer.hpp"
#include "printer/file_link.hpp"
#include "printer/receipt_printer.hpp"
#include "printer/sim/escpos_simulator.hpp"
#include "idcard/serial_transport.hpp"
#include "idcard/sim/card_image.hpp"
#include "idcard/sim/control_server.hpp"
#include "idcard/sim/simulator.hpp"
#include "scanner/camera_source.hpp"
#include "scanner/synthetic_source.hpp"

namespace onestop::app {
namespace {

namespace pd = peripherals;
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

constexpr std::string_view kScannerId = "scanner";
constexpr std::string_view kPrinterId = "document-printer";
constexpr std::string_view kReceiptPrinterId = "receipt-printer";

std::int64_t epochSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Device thread → session event. Never logs personal data: outcomes and codes only.
void forward(const pd::DeviceEvent& e, EventQueue& queue, std::span<const central::seal::PublicKey> sealKeys) {
  std::visit(Overloaded{
                 [&](const pd::StatusChanged& s) {
                   spdlog::info("{}: {}{}{}", e.deviceId, pd::nameOf(s.status.device),
                                s.status.description.empty() ? "" : " — ", s.status.description);
                   const bool online = s.status.device == pd::DeviceState::Online;
                   if (e.deviceId == kScannerId) queue.post(core::ev::ScannerChanged{online});
                   else if (e.deviceId == kPrinterId) queue.post(core::ev::PrinterChanged{online});
                   else queue.post(core::ev::ReaderChanged{online});
                 },
                 [&](const pd::CardRead& r) {
                   spdlog::info("{}: card read, {}", e.deviceId, r.reasonKey());
                   if (r.outcome == pd::CardReadOutcome::Ok && r.identity)
                     queue.post(core::ev::CardRead{r.identity, ""});
                   else
                     queue.post(core::ev::CardRead{std::nullopt, std::string(r.reasonKey())});
                 },
                 [&](const pd::MediaInserted&) { spdlog::debug("{}: card placed", e.deviceId); },
                 [&](const pd::MediaRemoved&) { spdlog::debug("{}: card taken away", e.deviceId); },
                 [&](const pd::CodeRead& c) {
                   queue.post(core::ev::CodeScanned{toScanResult(c.text, sealKeys, epochSeconds())});
                 },
             },
             e.body);
}

}  // namespace

Devices::Devices() = default;
Devices::~Devices() { stop(); }

void Devices::start(const Config& config, bool demo, EventQueue& queue, const std::string& controlSocket,
                    const std::string& receiptsDir) {
  startScanner(config, demo, queue);
  startPrinter(config, queue);
  startReceiptPrinter(config, demo, queue, receiptsDir);
  pd::idcard::ReaderConfig rc;
  std::unique_ptr<pd::idcard::PhotoDecoder> photos;
  if (demo) {
    pd::idcard::sim::SimulatorConfig simConfig;
    simConfig.baud = config.idcardBaud;
    auto sim = pd::idcard::sim::IdCardSimulator::create(simConfig);
    if (!sim) {
      spdlog::error("idcard simulator: {}", sim.error().description);
      queue.post(core::ev::ReaderChanged{false});
      return;
    }
    simulator_ = std::move(sim.value());
    rc.serial.port = simulator_->devicePath();
    photos = pd::idcard::sim::makeSamplePhotoDecoder();
    spdlog::info("idcard: demo reader simulated on {}", rc.serial.port);
    if (!controlSocket.empty()) {
      auto ctl = pd::idcard::sim::ControlServer::start(*simulator_, controlSocket);
      if (ctl) {
        control_ = std::move(ctl.value());
        spdlog::info("idcard: present a demo card with: onestop-devices idcard control --control {} present worker",
                     controlSocket);
      } else {
        spdlog::warn("idcard: simulator control socket {}: {}", controlSocket, ctl.error().description);
      }
    }
  } else if (!config.idcardPort.empty()) {
    rc.serial.port = config.idcardPort;
  } else {
    spdlog::warn("idcard: no reader configured ([idcard] port); identification by card is unavailable");
    queue.post(core::ev::ReaderChanged{false});
    return;
  }
  rc.serial.baud = config.idcardBaud;
  rc.serial.probeBaud = config.idcardProbeBaud;
  rc.photoDecoderLibrary = config.idcardPhotoDecoder;
  reader_ = std::make_unique<pd::idcard::IdCardReader>(rc, std::make_unique<pd::idcard::SerialTransport>(rc.serial),
                                                       std::move(photos));
  reader_->start([this, &queue](pd::DeviceEvent e) { forward(e, queue, sealKeys_); });
}

void Devices::startScanner(const Config& config, bool demo, EventQueue& queue) {
  namespace sc = pd::scanner;
  if (auto keys = loadSealKeys(config.sealKeysFile)) {
    sealKeys_ = std::move(keys.value());
    spdlog::info("scanner: {} public keys for certificate seals", sealKeys_.size());
  } else {
    spdlog::warn("scanner: {}; certificate seals cannot be checked", keys.error());
  }
  std::unique_ptr<sc::FrameSource> source;
  if (demo) {
    auto synthetic = std::make_unique<sc::SyntheticSource>();
    camera_ = synthetic.get();
    source = std::move(synthetic);
    spdlog::info("scanner: demo camera is synthetic (scenario steps `qr show TEXT`)");
  } else if (!config.scannerCamera.empty()) {
    sc::CameraConfig cc;
    cc.device = config.scannerCamera;
    source = std::make_unique<sc::CameraSource>(cc);
  } else {
    spdlog::warn("scanner: no camera configured ([scanner] camera); scanning codes is unavailable");
    queue.post(core::ev::ScannerChanged{false});
    return;
  }
  sc::ScannerConfig sconf;
  sconf.formats = sc::parseSymbologies(config.scannerFormats);
  scanner_ = std::make_unique<sc::CodeScanner>(sconf, std::move(source));
  scanner_->start([this, &queue](pd::DeviceEvent e) { forward(e, queue, sealKeys_); });
}

// The A4 printer behind CUPS. Its status reaches the session; a job's outcome reaches
// whoever printed (DocumentDesk), only once CUPS reports it completed or failed.
void Devices::startPrinter(const Config& config, EventQueue& queue) {
  if (config.printerQueue.empty()) {
    spdlog::warn("printer: no A4 printer configured ([printer] queue); certificates cannot be printed");
    queue.post(core::ev::PrinterChanged{false});
    return;
  }
  pd::printer::DocumentPrinterConfig pc;
  pc.deviceId = std::string(kPrinterId);
  pc.queue = config.printerQueue;
  pc.server.host = config.cupsServer;
  printer_ = std::make_unique<pd::printer::DocumentPrinter>(pc);
  printer_->start([this, &queue](pd::DeviceEvent e) { forward(e, queue, sealKeys_); });
  spdlog::info("printer: A4 certificates go to CUPS queue {}", config.printerQueue);
}

// The 80 mm receipt printer (ESC/POS). Demo: the simulator on a pseudo terminal, so the
// real driver and its DLE EOT status run; it keeps each receipt as a PNG.
void Devices::startReceiptPrinter(const Config& config, bool demo, EventQueue&, const std::string& receiptsDir) {
  pd::printer::FileLinkConfig link;
  if (demo) {
    pd::printer::sim::SimulatorConfig sc;
    if (!receiptsDir.empty()) sc.outputDir = receiptsDir;
    auto sim = pd::printer::sim::EscPosSimulator::create(sc);
    if (!sim) {
      spdlog::error("receipt printer simulator: {}", sim.error().description);
      return;
    }
    receiptSim_ = std::move(sim.value());
    link.path = receiptSim_->devicePath();
    spdlog::info("receipt printer: demo printer simulated on {}{}", link.path,
                 receiptsDir.empty() ? "" : ", receipts as PNG in " + receiptsDir);
  } else if (!config.receiptDevice.empty()) {
    link.path = config.receiptDevice;
  } else {
    spdlog::warn("receipt printer: none configured ([printer] receipt_device); receipts cannot be printed");
    return;
  }
  pd::printer::ReceiptPrinterConfig rc;
  rc.deviceId = std::string(kReceiptPrinterId);
  receipts_ = std::make_unique<pd::printer::ReceiptPrinter>(rc, std::make_unique<pd::printer::FileLink>(link));
  receipts_->start([](pd::DeviceEvent e) {
    if (const auto* s = std::get_if<pd::StatusChanged>(&e.body))
      spdlog::info("{}: {}{}{}", e.deviceId, pd::nameOf(s->status.device), s->status.description.empty() ? "" : " — ",
                   s->status.description);
  });
}

std::vector<sync::DeviceStatus> Devices::statuses() const {
  std::vector<sync::DeviceStatus> out;
  auto add = [&](const char* name, const pd::Device* d) {
    if (!d) return;
    const pd::DeviceStatus s = d->status();
    std::string detail = s.description;
    if (auto paper = s.details.find(std::string(pd::status::kPaper)); paper != s.details.end())
      detail += (detail.empty() ? "paper " : "; paper ") + paper->second;
    out.push_back({name, std::string(pd::nameOf(s.device)), detail});
  };
  add("idcard", reader_.get());
  add("scanner", scanner_.get());
  add("document-printer", printer_.get());
  add("receipt-printer", receipts_.get());
  return out;
}

void Devices::setScanning(bool on) {
  if (scanner_) scanner_->setScanning(on);
}

std::optional<pd::scanner::PreviewImage> Devices::scanPreview(std::uint64_t afterSequence) const {
  return scanner_ ? scanner_->previewAfter(afterSequence) : std::nullopt;
}

double Devices::scanBrightness() const { return scanner_ ? scanner_->stats().meanBrightness : -1; }

void Devices::stop() {
  if (printer_) printer_->stop();   // a job still followed completes as cancelled
  printer_.reset();
  if (receipts_) receipts_->stop();
  receipts_.reset();
  receiptSim_.reset();
  if (scanner_) scanner_->stop();
  scanner_.reset();
  camera_ = nullptr;
  if (reader_) reader_->stop();
  reader_.reset();
  control_.reset();
  simulator_.reset();
}

std::string Devices::scenarioStep(const std::string& line) {
  if (line.rfind("card ", 0) == 0) {
    if (!simulator_) return "no simulated card reader (run with --demo)";
    const std::string reply = simulator_->control(line.substr(5));
    return reply.rfind("ok", 0) == 0 ? std::string() : reply;
  }
  if (line.rfind("receipt ", 0) == 0) {
    if (!receiptSim_) return "no simulated receipt printer (run with --demo)";
    const std::string reply = receiptSim_->control(line.substr(8));
    return reply.rfind("ok", 0) == 0 ? std::string() : reply;
  }
  if (line.rfind("qr ", 0) == 0) {
    if (!camera_) return "no synthetic camera (run with --demo)";
    const std::string reply = camera_->control(line.substr(3));
    return reply == "ok" ? std::string() : reply;
  }
  return "unknown device step: " + line;
}

}  // namespace onestop::app
