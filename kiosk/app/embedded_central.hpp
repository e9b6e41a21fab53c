#pragma once
// The demo's central server, embedded in the kiosk process on loopback (--demo --central
// DIR): same code as onestop-central --demo. It starts on its own thread, so the first run's
// PKI and database set-up never holds up the kiosk's first frame. The demo can take it
// down and bring it back on the same port (scenario steps `central stop` / `central start`)
// to show what citizens see when the central system fails.
#include <atomic>
#include <condition_variable>
#include <deque>
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
  /// Both return at once (the server stops and starts on its own thread, never the UI
  /// thread); an error message when the server never came up, else empty.
  std::string pause();
  std::string resume();
  /// Still setting up (the first start): a scenario waits for it before its first step.
  bool starting() const { return starting_; }

 private:
  void control();   // the server's own thread: the first start, then pause/resume requests
  void serve(bool on);

  std::thread thread_;
  std::mutex mutex_;   // guards server_, config_, requests_
  std::condition_variable wake_;
  std::deque<bool> requests_;   // true = serve, false = stop serving
  std::unique_ptr<central::CentralServer> server_;
  std::unique_ptr<central::ServerConfig> config_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> starting_{false};
  std::string dataDir_;
  Ready ready_;
};

}  // namespace onestop::app
