#pragma once
// The kiosk's conversations with the central server that a citizen waits for: identify,
// then issue a certificate. Everything runs on the network thread (sync::Network); answers
// come back to the UI thread as session events. The link state the banner shows follows
// every real exchange, plus a light probe while nothing else is going on, so a kiosk
// notices that the server went away (or came back) without a citizen finding out first.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/event_queue.hpp"
#include "core/identity.hpp"
#include "sync/link_state.hpp"
#include "sync/network.hpp"

namespace onestop::app {

/// A certificate the server issued: the 201 body (holds personal data; wiped after use).
using IssuedHandler = std::function<void(std::uint64_t request, std::string body)>;

class CentralLink {
 public:
  CentralLink(EventQueue& queue, IssuedHandler issued);
  ~CentralLink();
  CentralLink(const CentralLink&) = delete;
  CentralLink& operator=(const CentralLink&) = delete;

  /// Connects with `trust` (any thread; the demo calls it when its embedded server is up).
  /// Until then every request fails as offline.
  void start(sync::TrustConfig trust);
  void stop();

  /// Identify the citizen, then issue a certificate of `type`. Answers: the IssuedHandler
  /// (then the app renders it), or ev::CertificateFailed with the citizen's wording.
  void issueCertificate(std::uint64_t request, const core::Identity& citizen, const std::string& type);

  /// Seconds between probes while idle.
  static constexpr int kProbeSeconds = 10;

 private:
  void noteLink(const sync::HttpResult& result);
  void probeLoop();
  void fail(std::uint64_t request, std::string_view problemKey);

  EventQueue& queue_;
  IssuedHandler issued_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::unique_ptr<sync::Network> network_;   // guarded by mutex_ (set once by start)
  bool stopping_ = false;
  std::atomic<sync::Link> link_{sync::Link::Unknown};
  std::thread prober_;
};

}  // namespace onestop::app
