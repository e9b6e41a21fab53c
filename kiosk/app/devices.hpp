#pragma once
// The kiosk's peripherals, started and stopped together. Device threads report through
// the UI thread's EventQueue as session events; in demo mode the ID card reader talks to
// the GA 467 simulator over a pseudo terminal, exactly as to a real reader.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/event_queue.hpp"
#include "core/result.hpp"
#include "scanner/scanner.hpp"
#include "seal/public_keys.hpp"
#include "sync/heartbeat.hpp"

namespace onestop::peripherals::idcard {
class IdCardReader;
namespace sim {
class IdCardSimulator;
class ControlServer;
}
}  // namespace onestop::peripherals::idcard
namespace onestop::peripherals::scanner {
class SyntheticSource;
}
namespace onestop::peripherals::printer {
class DocumentPrinter;
class ReceiptPrinter;
namespace sim {
class EscPosSimulator;
}
}

namespace onestop::app {

class Devices {
 public:
  Devices();
  ~Devices();   // stops the reader before the simulator goes
  Devices(const Devices&) = delete;
  Devices& operator=(const Devices&) = delete;

  /// Starts the configured devices (demo: simulated). A device that cannot start is
  /// reported to the session as unavailable, not as a failure of the kiosk.
  /// In demo mode the simulator also listens on `controlSocket` (cards are presented with
  /// `onestop-devices idcard control --control PATH present worker`).
  /// In demo mode the receipt printer is the ESC/POS simulator; it writes each receipt as a
  /// PNG under `receiptsDir` when given.
  void start(const Config& config, bool demo, EventQueue& queue, const std::string& controlSocket = {},
             const std::string& receiptsDir = {});
  void stop();

  /// Runs a scenario device step ("card present worker", "card remove", "card fault …",
  /// "qr show TEXT", "qr show-image FILE", "qr clear", "qr unplug" …).
  /// Returns an error message, or empty when it was done.
  std::string scenarioStep(const std::string& line);

  /// The camera scanner reads frames only while this is on (the screen asks). Cheap.
  void setScanning(bool on);
  /// A newer camera preview than `afterSequence`, if any; never blocks.
  std::optional<peripherals::scanner::PreviewImage> scanPreview(std::uint64_t afterSequence) const;
  /// Mean brightness (0–255) of the last frame decoded; -1 when unknown.
  double scanBrightness() const;
  /// Every configured device's status as the heartbeat reports it (thread-safe snapshots).
  std::vector<sync::DeviceStatus> statuses() const;
  /// The A4 printer; null when none is configured. Valid until stop().
  peripherals::printer::DocumentPrinter* documentPrinter() { return printer_.get(); }
  /// The receipt printer; null when none is configured. Valid until stop().
  peripherals::printer::ReceiptPrinter* receiptPrinter() { return receipts_.get(); }

 private:
  void startScanner(const Config& config, bool demo, EventQueue& queue);
  void startPrinter(const Config& config, EventQueue& queue);
  void startReceiptPrinter(const Config& config, bool demo, EventQueue& queue, const std::string& receiptsDir);

  std::unique_ptr<peripherals::idcard::sim::IdCardSimulator> simulator_;
  std::unique_ptr<peripherals::idcard::sim::ControlServer> control_;
  std::unique_ptr<peripherals::idcard::IdCardReader> reader_;
  std::vector<central::seal::PublicKey> sealKeys_;   // read by the scanner thread only after start
  peripherals::scanner::SyntheticSource* camera_ = nullptr;   // demo: owned by scanner_
  std::unique_ptr<peripherals::scanner::CodeScanner> scanner_;
  std::unique_ptr<peripherals::printer::DocumentPrinter> printer_;
  std::unique_ptr<peripherals::printer::sim::EscPosSimulator> receiptSim_;
  std::unique_ptr<peripherals::printer::ReceiptPrinter> receipts_;
};

}  // namespace onestop::app
