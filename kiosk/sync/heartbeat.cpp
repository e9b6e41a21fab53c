#include "sync/heartbeat.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <string_view>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "core/utf8.hpp"
#include "sync/json_reader.hpp"
#include "sync/outbox.hpp"

namespace onestop::sync {

struct Heartbeat::Shared {
  std::mutex mutex;            // held while an event runs, so stop() waits for it
  bool closed = false;
  HeartbeatEvents events;
  std::atomic<bool> inFlight{false};
  std::atomic<Link> link{Link::Unknown};
};

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 7> kStatuses = {"online",        "offline",   "powerOff", "noDevice",
                                                       "hardwareError", "userError", "busy"};
constexpr std::size_t kMaxDevices = 32, kMaxDetail = 200;

bool onlyOf(std::string_view s, std::string_view allowed, std::size_t maxLen) {
  return !s.empty() && s.size() <= maxLen &&
         std::all_of(s.begin(), s.end(), [&](char c) { return allowed.find(c) != std::string_view::npos; });
}

// At most `max` code points, malformed bytes replaced: the server counts code points and
// refuses anything that is not UTF-8.
std::string cleanText(std::string_view text, std::size_t max) {
  const auto points = core::decodeUtf8(text);
  std::string out;
  for (std::size_t i = 0; i < points.size() && i < max; ++i) core::appendUtf8(out, points[i]);
  return out;
}

// "2026-11-23T16:33:06Z" → Unix seconds; nullopt for anything else.
std::optional<std::int64_t> parseTimestamp(const std::string& s) {
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](std::size_t at, std::size_t n) { return std::stoi(s.substr(at, n)); };
  std::tm tm{};
  tm.tm_year = num(0, 4) - 1900;
  tm.tm_mon = num(5, 2) - 1;
  tm.tm_mday = num(8, 2);
  tm.tm_hour = num(11, 2);
  tm.tm_min = num(14, 2);
  tm.tm_sec = num(17, 2);
  if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
    return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

HeartbeatOutcome outcomeOf(const HttpResult& r) {
  HeartbeatOutcome o;
  o.link = linkAfter(r);
  o.error = r.error;
  if (!r.answered()) {
    o.what = std::string(netErrorName(r.error)) + ": " + r.errorText;
    return o;
  }
  o.status = r.status;
  if (r.status != 200) {
    const auto problem = json::parse(r.body, nullptr, false);
    const std::string code = problem.is_object() && problem.contains("code") && problem["code"].is_string()
                                 ? problem["code"].get<std::string>().substr(0, 64)
                                 : "";
    o.what = "HTTP " + std::to_string(r.status) + (code.empty() ? "" : " " + code);
    return o;
  }
  const auto body = json::parse(r.body, nullptr, false);
  std::optional<std::string> error;
  if (body.is_discarded()) error = "answer is not JSON";
  std::string serverTime;
  if (!error) {
    JsonReader top(body, "", &error);
    serverTime = top.text("serverTime", 32);
  }
  if (!error) {
    o.serverTime = parseTimestamp(serverTime);
    if (!o.serverTime) error = "serverTime: not an RFC 3339 UTC time";
  }
  if (error) o.what = "malformed answer: " + *error;
  return o;
}

}  // namespace

Heartbeat::Heartbeat(Network& network, HeartbeatOptions options, Devices devices, Backlog backlog,
                     HeartbeatEvents events)
    : network_(network),
      version_(std::move(options.softwareVersion)),
      timeoutMs_(options.timeoutMs),
      devices_(std::move(devices)),
      backlog_(std::move(backlog)),
      shared_(std::make_shared<Shared>()),
      interval_(std::clamp(options.interval, kMinInterval, kMaxInterval)) {
  if (!onlyOf(version_, "0123456789abcdefghijklmnopqrstuvwxyz.+-", 40)) {
    spdlog::error("heartbeat: software version '{}' does not fit [0-9a-z.+-]{{1,40}}; sending 'unknown'",
                  version_.substr(0, 60));
    version_ = "unknown";
  }
  shared_->events = std::move(events);
}

Heartbeat::~Heartbeat() { stop(); }

void Heartbeat::start() {
  std::lock_guard lock(mutex_);
  if (started_ || stopping_) return;
  started_ = true;
  kicked_ = true;   // the first beat at once
  thread_ = std::thread([this] { run(); });
}

void Heartbeat::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  // Wait for an event that is running now; none runs after this.
  std::lock_guard lock(shared_->mutex);
  shared_->closed = true;
}

void Heartbeat::beatNow() {
  {
    std::lock_guard lock(mutex_);
    kicked_ = true;
  }
  wake_.notify_all();
}

void Heartbeat::setInterval(std::chrono::seconds interval) {
  {
    std::lock_guard lock(mutex_);
    const auto clamped = std::clamp(interval, kMinInterval, kMaxInterval);
    if (clamped == interval_) return;
    interval_ = clamped;
    rescheduled_ = true;
  }
  wake_.notify_all();
}

std::chrono::seconds Heartbeat::interval() const {
  std::lock_guard lock(mutex_);
  return interval_;
}

Link Heartbeat::link() const { return shared_->link.load(); }

Heartbeat::Backlog Heartbeat::backlogOf(Outbox& outbox) {
  return [&outbox]() -> std::optional<std::int64_t> {
    auto counts = outbox.counts();
    if (!counts) return std::nullopt;
    return std::min<std::int64_t>(counts->pending, 1000000);
  };
}

HttpRequest Heartbeat::request(const std::string& softwareVersion, const std::vector<DeviceStatus>& devices,
                               std::optional<std::int64_t> queuedItems, long timeoutMs) {
  json list = json::array();
  for (const auto& d : devices) {
    if (list.size() == kMaxDevices) {
      spdlog::warn("heartbeat: more than {} devices; the rest are left out", kMaxDevices);
      break;
    }
    if (!onlyOf(d.name, "abcdefghijklmnopqrstuvwxyz0123456789_-", 32) ||
        std::find(kStatuses.begin(), kStatuses.end(), d.status) == kStatuses.end()) {
      spdlog::warn("heartbeat: device '{}' with status '{}' does not fit the schema; left out", cleanText(d.name, 40),
                   cleanText(d.status, 40));
      continue;
    }
    json entry = {{"name", d.name}, {"status", d.status}};
    if (!d.detail.empty()) entry["detail"] = cleanText(d.detail, kMaxDetail);
    list.push_back(std::move(entry));
  }
  json body = {{"softwareVersion", softwareVersion}, {"devices", std::move(list)}};
  if (queuedItems) body["queuedItems"] = std::clamp<std::int64_t>(*queuedItems, 0, 1000000);
  HttpRequest r;
  r.method = "POST";
  r.path = "/v1/fleet/heartbeat";
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  r.totalTimeoutMs = timeoutMs;
  return r;
}

void Heartbeat::beat() {
  if (shared_->inFlight.exchange(true)) {
    spdlog::debug("heartbeat: the last beat is still on its way; this one is skipped");
    return;
  }
  auto devices = devices_ ? devices_() : std::vector<DeviceStatus>{};
  const auto queued = backlog_ ? backlog_() : std::nullopt;
  auto shared = shared_;
  network_.submit(request(version_, devices, queued, timeoutMs_), [shared](std::uint64_t, HttpResult r) {
    const auto outcome = outcomeOf(r);
    shared->inFlight = false;
    std::lock_guard lock(shared->mutex);
    if (shared->closed) return;
    if (!outcome.recorded() && outcome.error != NetError::Cancelled)
      spdlog::warn("heartbeat: not recorded ({})", outcome.what);
    if (outcome.link != Link::Unknown && shared->link.exchange(outcome.link) != outcome.link) {
      spdlog::info("heartbeat: link {}", linkName(outcome.link));
      if (shared->events.linkChanged) shared->events.linkChanged(outcome.link);
    }
    if (shared->events.answered) shared->events.answered(outcome);
  });
}

void Heartbeat::run() {
  auto next = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait_until(lock, next, [this] { return stopping_ || kicked_ || rescheduled_; });
    if (stopping_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!kicked_ && now < next) {   // only the interval changed: wait for the new time
      next = std::min(next, now + interval_);
      rescheduled_ = false;
      continue;
    }
    kicked_ = rescheduled_ = false;
    lock.unlock();
    beat();
    lock.lock();
    next = std::chrono::steady_clock::now() + interval_;
  }
}

}  // namespace onestop::sync
