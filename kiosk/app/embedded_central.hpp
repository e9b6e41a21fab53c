#pragma once
// The demo's central server, embedded in the kiosk process on loopback (--demo --central
// DIR): same code as onestop-central --demo. It starts on its own thread, so the first run's
// PKI and database set-up never holds up the kiosk's first frame. The demo can take it
// down and bring it back on the same port (scenario steps `central stop` / `central start`)
// to show what citizens see when the central system fails.
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "sync/trust.hpp"

namespace onestop::central {
class CentralServer;
struct ServerConfig;
}

namespace onestop::app {

class EmbeddedCentral {
 public:
  /// Called once (on the starter thread) when the server is up, with how a kiosk reaches it.
  using Ready = std::function<void(sync::TrustConfig)>;

  EmbeddedCentral();
  ~EmbeddedCentral();
  EmbeddedCentral(const EmbeddedCentral&) = delete;
  EmbeddedCentral& operator=(const EmbeddedCentral&) = delete;

  /// Prepares and starts the server under `dataDir` in the background; failures are logged
  /// (the kiosk then runs as if the central system were unreachable).
  void start(const std::string& dataDir, Ready ready);
  void stop();

  /// Demo: stop serving (as if the central system failed) / serve again on the same port.
  /// Returns an error message, or empty.
  std::string pause();
  std::string resume();

 private:
  std::thread starter_;
  std::mutex mutex_;   // guards server_ and config_ after the starter is done
  std::unique_ptr<central::CentralServer> server_;
  std::unique_ptr<central::ServerConfig> config_;
  std::atomic<bool> stopping_{false};
};

}  // namespace onestop::app
