#pragma once
// The kiosk's one network thread: libcurl's multi interface, woken by curl_multi_wakeup
// when work arrives, with bounded connect, low-speed and total timeouts. Callers submit
// and return at once; the completion runs on the network thread and should only post an
// event (the UI thread never waits on the network).
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "sync/http_types.hpp"
#include "sync/trust.hpp"

namespace onestop::sync {

/// Process-wide libcurl set-up; call once from main() before any thread starts (and
/// ignore SIGPIPE: a peer closing mid-write must not kill the kiosk).
void initNetworking();

class Network {
 public:
  using Completion = std::function<void(std::uint64_t id, HttpResult result)>;

  explicit Network(TrustConfig trust);
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  /// Queues a request; returns its id at once. `done` is called exactly once, on the
  /// network thread (also with NetError::Cancelled when the network stops first).
  std::uint64_t submit(HttpRequest request, Completion done);
  /// Cancels everything in flight or queued and joins the thread.
  void stop();

  static constexpr std::size_t kMaxBodyBytes = 1 << 20;   ///< a bigger answer is an error

  struct Job;   ///< one exchange in flight (network.cpp)

 private:
  void run();

  TrustConfig trust_;
  void* multi_ = nullptr;   // CURLM*
  std::mutex mutex_;
  std::deque<std::unique_ptr<Job>> queued_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> nextId_{1};
  std::thread thread_;
};

}  // namespace onestop::sync
