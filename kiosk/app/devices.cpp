#include "app/devices.hpp"

#include <spdlog/spdlog.h>

#include "idcard/reader.hpp"
#include "idcard/serial_transport.hpp"
#include "idcard/sim/card_image.hpp"
#include "idcard/sim/control_server.hpp"
#include "idcard/sim/simulator.hpp"

namespace onestop::app {
namespace {

namespace pd = peripherals;
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

// Device thread → session event. Never logs personal data: outcomes and codes only.
void forward(const pd::DeviceEvent& e, EventQueue& queue) {
  std::visit(Overloaded{
                 [&](const pd::StatusChanged& s) {
                   spdlog::info("{}: {}{}{}", e.deviceId, pd::nameOf(s.status.device),
                                s.status.description.empty() ? "" : " — ", s.status.description);
                   queue.post(core::ev::ReaderChanged{s.status.device == pd::DeviceState::Online});
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
                 [&](const pd::CodeRead& c) { spdlog::debug("{}: {} read", e.deviceId, c.format); },
             },
             e.body);
}

}  // namespace

Devices::Devices() = default;
Devices::~Devices() { stop(); }

void Devices::start(const Config& config, bool demo, EventQueue& queue, const std::string& controlSocket) {
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
  reader_->start([&queue](pd::DeviceEvent e) { forward(e, queue); });
}

void Devices::stop() {
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
  return "unknown device step: " + line;
}

}  // namespace onestop::app
