#pragma once
// Drains the outbox to the server: one item per citizen at a time (their order kept), the
// item's Idempotency-Key on every attempt, Retry-After honoured, full-jitter backoff
// otherwise. An item whose citizen must be identified again (a filing accepted while
// offline) carries the card data: the relay identifies first, then sends.
// Answers: 2xx (also a replayed one) → delivered and removed; 409 in flight, 429, 5xx, no
// answer → retried later; any other 4xx → kept and flagged for an operator (the server
// refused it for good; nothing is dropped silently).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "sync/link_state.hpp"
#include "sync/network.hpp"
#include "sync/outbox.hpp"

namespace onestop::sync {

struct RelayEvents {
  /// The server accepted the item; `response` is its answer (e.g. the acceptance number).
  std::function<void(const OutboxItem& item, const HttpResult& response)> delivered;
  /// The server refused the item for good; it stays, flagged.
  std::function<void(const OutboxItem& item, const HttpResult& response)> refused;
  std::function<void(Link link)> linkChanged;
};

class Relay {
 public:
  Relay(Network& network, Outbox& outbox, RelayEvents events, std::function<std::int64_t()> now);
  ~Relay();
  Relay(const Relay&) = delete;
  Relay& operator=(const Relay&) = delete;

  /// Look at the outbox now (after an enqueue, or when the link may be back).
  void kick();
  void stop();
  Link link() const { return link_.load(); }

  /// The header of an outbox item holding the card data to identify with first (JSON of
  /// POST /v1/identify); the relay removes it before sending the item itself.
  static constexpr const char* kIdentifyHeader = "X-OneStop-Identify";

 private:
  void run();
  HttpResult exchange(HttpRequest request);
  /// True when the item is settled (delivered and removed, or refused and flagged).
  bool deliver(OutboxItem item);
  void noteLink(const HttpResult& result);

  Network& network_;
  Outbox& outbox_;
  RelayEvents events_;
  std::function<std::int64_t()> now_;
  std::atomic<Link> link_{Link::Unknown};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool kicked_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace onestop::sync
