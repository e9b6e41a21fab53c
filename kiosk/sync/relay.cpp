#include "sync/relay.hpp"

#include <future>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace onestop::sync {
namespace {

// A conflict is for good (already rated, another kiosk's number, the opposite print outcome)
// unless the server is still working on the same Idempotency-Key.
bool retryable(const HttpResult& r) {
  if (!r.answered()) return r.error != NetError::Cancelled;
  if (r.status == 409) {
    const auto problem = nlohmann::json::parse(r.body, nullptr, false);
    return problem.is_object() && problem.value("code", "") == "idempotency-in-flight";
  }
  return r.status == 408 || r.status == 429 || r.status >= 500;
}

std::string describe(const HttpResult& r) {
  if (!r.answered()) return std::string(netErrorName(r.error)) + ": " + r.errorText;
  const auto problem = nlohmann::json::parse(r.body, nullptr, false);
  const std::string code = problem.is_object() ? problem.value("code", "") : "";
  return "HTTP " + std::to_string(r.status) + (code.empty() ? "" : " " + code);
}

}  // namespace

Relay::Relay(Network& network, Outbox& outbox, RelayEvents events, std::function<std::int64_t()> now)
    : network_(network), outbox_(outbox), events_(std::move(events)), now_(std::move(now)) {
  thread_ = std::thread([this] { run(); });
}

Relay::~Relay() { stop(); }

void Relay::kick() {
  {
    std::lock_guard lock(mutex_);
    kicked_ = true;
  }
  wake_.notify_one();
}

void Relay::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

HttpResult Relay::exchange(HttpRequest request) {
  std::promise<HttpResult> promise;
  auto future = promise.get_future();
  network_.submit(std::move(request), [&promise](std::uint64_t, HttpResult r) { promise.set_value(std::move(r)); });
  return future.get();   // the relay's own thread waits, never the UI's
}

void Relay::noteLink(const HttpResult& result) {
  const Link now = linkAfter(result);
  if (now == Link::Unknown) return;
  if (link_.exchange(now) != now) {
    spdlog::info("sync: link {}", linkName(now));
    if (events_.linkChanged) events_.linkChanged(now);
  }
}

bool Relay::deliver(OutboxItem item) {
  HttpRequest request = item.request;
  // A filing accepted while offline identifies its citizen afresh: the session it was
  // made in is long gone.
  if (auto it = request.headers.find(kIdentifyHeader); it != request.headers.end()) {
    HttpRequest identify;
    identify.method = "POST";
    identify.path = "/v1/identify";
    identify.body = it->second;
    request.headers.erase(it);
    const auto r = exchange(identify);
    noteLink(r);
    if (retryable(r)) {
      (void)outbox_.retryLater(item.id, now_(), r.retryAfterSeconds(), "identify: " + describe(r));
      return false;
    }
    const auto answer = nlohmann::json::parse(r.body, nullptr, false);
    if (r.status != 201 || !answer.is_object() || !answer.contains("sessionToken") || !answer["sessionToken"].is_string()) {
      spdlog::warn("sync: outbox item {} ({}): identification refused: {}", item.id, item.kind, describe(r));
      const auto flagged = outbox_.flag(item.id, now_(), "identify: " + describe(r));
      if (events_.refused) events_.refused(item, r);
      return flagged.ok() && flagged.value();
    }
    request.headers["Authorization"] = "Bearer " + answer["sessionToken"].get<std::string>();
  }
  const auto r = exchange(request);
  noteLink(r);
  if (r.answered() && r.status >= 200 && r.status < 300) {
    auto removed = outbox_.remove(item.id);
    if (!removed) spdlog::error("sync: delivered outbox item {} but cannot remove it: {}", item.id, removed.error());
    spdlog::info("sync: outbox item {} ({}) delivered", item.id, item.kind);
    if (events_.delivered) events_.delivered(item, r);
    return removed.ok() && removed.value();
  }
  if (retryable(r)) {
    (void)outbox_.retryLater(item.id, now_(), r.retryAfterSeconds(), describe(r));
    return false;
  }
  spdlog::warn("sync: outbox item {} ({}) refused by the server: {}", item.id, item.kind, describe(r));
  const auto flagged = outbox_.flag(item.id, now_(), describe(r));
  if (events_.refused) events_.refused(item, r);
  return flagged.ok() && flagged.value();
}

void Relay::run() {
  while (true) {
    bool settled = false;
    auto due = outbox_.due(now_(), 16);
    if (!due) spdlog::error("sync: outbox: {}", due.error());
    else
      for (auto& item : due.value()) {
        {
          std::lock_guard lock(mutex_);
          if (stopping_) return;
        }
        settled = deliver(std::move(item)) || settled;
      }
    std::unique_lock lock(mutex_);
    // Something was settled: more may be due at once (the rest of a backlog, the same
    // citizen's next item), so look again without waiting. An item that failed is not
    // due again before its retry time, so this never spins.
    if (settled && !stopping_) continue;
    // Time moves items into due; check at least every second.
    wake_.wait_for(lock, std::chrono::seconds(1), [this] { return kicked_ || stopping_; });
    if (stopping_) return;
    kicked_ = false;
  }
}

}  // namespace onestop::sync
