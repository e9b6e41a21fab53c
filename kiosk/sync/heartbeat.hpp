#pragma once
// The kiosk's heartbeat: every N seconds (heartbeatSeconds of the fleet config, default 60)
// POST /v1/fleet/heartbeat with the software version, the devices' XFS4IoT statuses and the
// outbox backlog, so the staff console's fleet page sees the kiosk. Submitted through the
// Network (nobody waits on it); the answer tells the link state, like any other exchange.
//
// A small timer thread sleeps on a condition variable between beats and is woken at once
// by stop(), beatNow() and setInterval(). A beat still in flight when the next one is due
// is not doubled: that beat is skipped (the Network's timeout bounds the one in flight).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sync/http_types.hpp"
#include "sync/link_state.hpp"
#include "sync/network.hpp"

namespace onestop::sync {

class Outbox;

/// One device as the heartbeat reports it (HeartbeatRequest.devices[] in openapi.yaml).
struct DeviceStatus {
  std::string name;     ///< "idcard", "printer", "scanner", …: [a-z0-9_-]{1,32}
  std::string status;   ///< online, offline, powerOff, noDevice, hardwareError, userError, busy
  std::string detail;   ///< optional; longer than 200 characters is cut
};

/// How one beat went.
struct HeartbeatOutcome {
  Link link = Link::Unknown;   ///< linkAfter() of the exchange
  NetError error = NetError::None;
  long status = 0;             ///< HTTP status when answered
  /// The server's clock (Unix seconds) from a recorded beat; compare with the kiosk's own.
  std::optional<std::int64_t> serverTime;
  std::string what;            ///< why it was not recorded, for the log (never personal data)
  bool recorded() const { return status == 200 && serverTime.has_value(); }
};

/// Called on the network thread: post an event, do not block. Never called after stop()
/// has returned; do not call stop() from inside one.
struct HeartbeatEvents {
  std::function<void(const HeartbeatOutcome&)> answered;   ///< after every beat
  std::function<void(Link link)> linkChanged;              ///< when the beat's link differs from the last
};

struct HeartbeatOptions {
  std::string softwareVersion;                   ///< [0-9a-z.+-]{1,40}; anything else is sent as "unknown"
  std::chrono::seconds interval{60};             ///< clamped to [kMinInterval, kMaxInterval]
  long timeoutMs = 10000;                        ///< of one exchange
};

class Heartbeat {
 public:
  /// The devices' statuses now; called on the heartbeat's timer thread, so it must be
  /// thread-safe (e.g. read a snapshot the UI thread keeps under a mutex).
  using Devices = std::function<std::vector<DeviceStatus>()>;
  /// Items waiting in the outbox, or nullopt to leave queuedItems out. Timer thread too.
  using Backlog = std::function<std::optional<std::int64_t>()>;

  static constexpr std::chrono::seconds kMinInterval{1}, kMaxInterval{3600};

  Heartbeat(Network& network, HeartbeatOptions options, Devices devices, Backlog backlog, HeartbeatEvents events);
  ~Heartbeat();   ///< stop()
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

  /// Starts the timer: the first beat goes at once, then one every interval. A heartbeat
  /// once stopped does not start again.
  void start();
  /// Stops the timer promptly (joins it); an answer still on its way posts no event.
  void stop();
  /// Beats now (e.g. right after the link came back or a device changed state) and starts
  /// the interval afresh. Ignored when not started.
  void beatNow();
  /// The interval from now on (e.g. heartbeatSeconds of a new fleet config).
  void setInterval(std::chrono::seconds interval);
  std::chrono::seconds interval() const;
  /// The link after the last answered beat (Unknown before the first).
  Link link() const;

  /// queuedItems from the outbox's pending count (nullopt when the outbox cannot count).
  static Backlog backlogOf(Outbox& outbox);
  /// The request of one beat: devices that do not fit the schema are left out (and
  /// logged), at most 32, detail cut to 200 characters.
  static HttpRequest request(const std::string& softwareVersion, const std::vector<DeviceStatus>& devices,
                             std::optional<std::int64_t> queuedItems, long timeoutMs = 10000);

  struct Shared;   ///< what an answer still on its way needs (heartbeat.cpp)

 private:
  void run();
  void beat();

  Network& network_;
  std::string version_;
  long timeoutMs_;
  Devices devices_;
  Backlog backlog_;
  std::shared_ptr<Shared> shared_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::chrono::seconds interval_;
  bool started_ = false, stopping_ = false, kicked_ = false, rescheduled_ = false;
  std::thread thread_;
};

}  // namespace onestop::sync
