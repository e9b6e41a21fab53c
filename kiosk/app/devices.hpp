#pragma once
// The kiosk's peripherals, started and stopped together. Device threads report through
// the UI thread's EventQueue as session events; in demo mode the ID card reader talks to
// the GA 467 simulator over a pseudo terminal, exactly as to a real reader.
#include <memory>
#include <string>

#include "app/config.hpp"
#include "app/event_queue.hpp"
#include "core/result.hpp"

namespace onestop::peripherals::idcard {
class IdCardReader;
namespace sim {
class IdCardSimulator;
class ControlServer;
}
}  // namespace onestop::peripherals::idcard

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
  void start(const Config& config, bool demo, EventQueue& queue, const std::string& controlSocket = {});
  void stop();

  /// Runs a scenario device step ("card present worker", "card remove", "card fault …").
  /// Returns an error message, or empty when it was done.
  std::string scenarioStep(const std::string& line);

 private:
  std::unique_ptr<peripherals::idcard::sim::IdCardSimulator> simulator_;
  std::unique_ptr<peripherals::idcard::sim::ControlServer> control_;
  std::unique_ptr<peripherals::idcard::IdCardReader> reader_;
};

}  // namespace onestop::app
