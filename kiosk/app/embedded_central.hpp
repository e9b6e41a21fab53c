#pragma once
// The demo's central server, embedded in the kiosk process on loopback (--demo --central
// DIR): same code as onestop-central --demo. It starts on its own thread, so the first run's
// PKI and database set-up never holds up the kiosk's first frame.
#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace onestop::central {
class CentralServer;
}

namespace onestop::app {

class EmbeddedCentral {
 public:
  EmbeddedCentral();
  ~EmbeddedCentral();
  EmbeddedCentral(const EmbeddedCentral&) = delete;
  EmbeddedCentral& operator=(const EmbeddedCentral&) = delete;

  /// Prepares and starts the server under `dataDir` in the background; failures are logged
  /// (the kiosk then runs as if the central system were unreachable).
  void start(const std::string& dataDir);
  void stop();

 private:
  std::thread starter_;
  std::unique_ptr<central::CentralServer> server_;
  std::atomic<bool> stopping_{false};
};

}  // namespace onestop::app
