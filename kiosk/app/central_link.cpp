#include "app/central_link.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>

#include "core/i18n_key.hpp"
#include "core/iso_date.hpp"
#include "core/secure_wipe.hpp"
#include "core/service_catalogue.hpp"
#include "app/query_answers.hpp"
#include "sync/api_client.hpp"
#include "sync/json_reader.hpp"
#include "sync/fleet_cache.hpp"
#include "sync/outbox.hpp"
#include "sync/relay.hpp"
#include "sync/ticket_book.hpp"
#include "sync/ticket_stock.hpp"

namespace onestop::app {
namespace {

core::LinkStatus toStatus(sync::Link l) {
  switch (l) {
    case sync::Link::Online: return core::LinkStatus::Online;
    case sync::Link::Degraded: return core::LinkStatus::Degraded;
    case sync::Link::Offline: return core::LinkStatus::Offline;
    case sync::Link::Unknown: break;
  }
  return core::LinkStatus::Unknown;
}

// What the citizen reads when the server could not issue (the log gets the precise cause).
std::string_view problemKeyOf(const sync::api::ApiFailure& f) {
  using Kind = sync::api::ApiFailure::Kind;
  if (f.kind == Kind::Network) return "certificate.problem.offline"_k;
  if (f.kind == Kind::Malformed) return "certificate.problem.bad_answer"_k;
  if (f.code == "citizen-not-found") return "certificate.problem.not_found"_k;
  if (f.status == 422 || f.status == 409) return "certificate.problem.not_eligible"_k;
  return "certificate.problem.server"_k;
}

std::int64_t epochNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

CentralLink::CentralLink(EventQueue& queue, LinkSetup setup, IssuedHandler issued)
    : queue_(queue), setup_(std::move(setup)), issued_(std::move(issued)), worker_([this] { run(); }) {}

CentralLink::~CentralLink() { stop(); }

void CentralLink::start(sync::TrustConfig trust) {
  {
    std::lock_guard lock(mutex_);
    if (network_ || stopping_) return;
    network_ = std::make_unique<sync::Network>(trust);
    // The stores open on the worker: a disk that is slow (or full) never holds up the caller.
    jobs_.push_back([this, url = trust.serverUrl] { openStores(url); });
  }
  wake_.notify_all();
}

void CentralLink::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !worker_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  // Heartbeat and relay first (they submit to the network), then the network (its
  // cancelled completions run before stop() returns), then the stores.
  beat_ = nullptr;
  if (heartbeat_) heartbeat_->stop();
  if (relay_) relay_->stop();
  if (cache_) cache_->close();
  if (network_) network_->stop();
  heartbeat_.reset();
  relay_.reset();
  cache_.reset();
  tickets_.reset();
  outbox_.reset();
}

void CentralLink::openStores(const std::string& serverUrl) {
  std::error_code ec;
  std::filesystem::create_directories(setup_.dataDir, ec);
  const auto dir = std::filesystem::path(setup_.dataDir);
  auto box = sync::Outbox::open((dir / "outbox.db").string(), (dir / "outbox.key").string());
  if (!box) {
    spdlog::error("central: outbox {}: {}; ratings and filings cannot be kept", (dir / "outbox.db").string(), box.error());
  } else {
    outbox_ = std::move(box.value());
    sync::RelayEvents events;
    events.delivered = [this](const sync::OutboxItem& item, const sync::HttpResult& r) {
      spdlog::info("central: {} {} delivered", item.kind, item.id);
      if (item.kind == "filing") filingDelivered(item.id, r);
      postQueue();
    };
    events.refused = [this](const sync::OutboxItem& item, const sync::HttpResult& r) {
      spdlog::error("central: {} {} refused for good (status {}); kept and flagged for an operator", item.kind, item.id,
                    r.status);
      postQueue();
    };
    events.linkChanged = [this](sync::Link l) { noteLink(l, "relay"); };
    relay_ = std::make_unique<sync::Relay>(*network_, *outbox_, std::move(events), epochNow);
    relay_->kick();
    postQueue();
  }
  // Queue numbers for offline hours: reserved while online, kept on disk.
  if (auto book = sync::TicketBook::open((dir / "tickets.db").string()); !book) {
    spdlog::error("central: ticket book: {}; no queue tickets while offline", book.error());
  } else {
    std::vector<std::string> counters;
    for (const auto& s : core::serviceCatalogue())
      if (s.handling == core::Handling::Counter) counters.emplace_back(s.id);
    tickets_ = std::make_unique<sync::TicketStock>(
        *network_, outbox_.get(), std::move(book.value()), std::move(counters), setup_.utcOffsetMinutes,
        [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); });
  }
  auto cache = sync::FleetCache::open(*network_, (dir / "cache").string(),
                                      {[](const sync::FleetRefresh& r) {
                                         if (r.outcome == sync::FleetRefresh::Outcome::Failed)
                                           spdlog::warn("central: fleet cache refresh failed: {}", r.what);
                                       },
                                       [this](const sync::FleetConfig& c) {
                                         spdlog::info("central: kiosk config: inactivity {} s, heartbeat {} s",
                                                      c.inactivitySeconds, c.heartbeatSeconds);
                                         if (auto* beat = beat_.load()) beat->setInterval(std::chrono::seconds(c.heartbeatSeconds));
                                         queue_.post(core::ev::KioskConfigChanged{c.inactivitySeconds});
                                       },
                                       {}});
  if (!cache) spdlog::error("central: fleet cache: {}", cache.error());
  else cache_ = std::move(cache.value());
  sync::HeartbeatOptions options;
  options.softwareVersion = setup_.version;
  if (cache_) options.interval = std::chrono::seconds(cache_->config().heartbeatSeconds);
  sync::HeartbeatEvents beats;
  beats.answered = [this](const sync::HeartbeatOutcome& o) {
    if (o.recorded() && cache_) cache_->refresh();   // a 304 costs nothing: refresh at each beat
  };
  beats.linkChanged = [this](sync::Link l) { noteLink(l, "heartbeat"); };
  sync::Heartbeat::Devices devices = setup_.devices;
  if (!devices) devices = [] { return std::vector<sync::DeviceStatus>{}; };
  sync::Heartbeat::Backlog backlog;
  if (outbox_) backlog = sync::Heartbeat::backlogOf(*outbox_);
  heartbeat_ = std::make_unique<sync::Heartbeat>(*network_, options, std::move(devices), std::move(backlog),
                                                 std::move(beats));
  beat_ = heartbeat_.get();
  heartbeat_->start();
  // The stored copy applies at once (an offline start); changes arrive through the cache.
  if (cache_ && cache_->config().fromServer) queue_.post(core::ev::KioskConfigChanged{cache_->config().inactivitySeconds});
  spdlog::info("central: link to {} started (outbox, relay, heartbeat, fleet cache in {})", serverUrl, setup_.dataDir);
}

void CentralLink::postQueue() {
  if (!outbox_) return;
  if (auto c = outbox_->counts()) queue_.post(core::ev::QueueChanged{static_cast<int>(c->pending)});
}

void CentralLink::noteLink(const sync::HttpResult& result) {
  noteLink(sync::linkAfter(result), std::string(sync::netErrorName(result.error)) + " " +
                                        (result.answered() ? std::to_string(result.status) : result.errorText));
}

void CentralLink::noteLink(sync::Link next, const std::string& why) {
  if (next == sync::Link::Unknown) return;   // cancelled at shutdown: says nothing
  if (link_.exchange(next) == next) return;
  if (next == sync::Link::Online) spdlog::info("central: link online");
  else spdlog::warn("central: link {} ({})", sync::linkName(next), why);
  queue_.post(core::ev::LinkChanged{toStatus(next), -1});
  if (next == sync::Link::Online && relay_) relay_->kick();   // the link is back: drain now
  if (next == sync::Link::Online) post([this] { if (tickets_) tickets_->topUp(); });   // restock offline numbers
}

// The worker: jobs (opening the stores, outbox commits) as they come, and a probe of the
// whole path (DNS, TLS with pinning, the API) every kProbeSeconds: GET /v1/keys costs the
// server nothing and needs no session.
void CentralLink::run() {
  std::unique_lock lock(mutex_);
  auto nextProbe = std::chrono::steady_clock::now();
  while (!stopping_) {
    if (!jobs_.empty()) {
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      lock.lock();
      continue;
    }
    // Filings whose acceptance did not come in time: the citizen gets a provisional receipt.
    auto wakeAt = nextProbe;
    std::vector<Waiting> late;
    {
      std::lock_guard waitLock(waitMutex_);
      for (auto it = waiting_.begin(); it != waiting_.end();) {
        if (it->second.until <= std::chrono::steady_clock::now()) {
          late.push_back(std::move(it->second));
          it = waiting_.erase(it);
        } else {
          wakeAt = std::min(wakeAt, it->second.until);
          ++it;
        }
      }
    }
    if (!late.empty()) {
      lock.unlock();
      for (auto& w : late) w.decided({FilingOutcome::Kind::Kept, {}, {}, {}, 0, w.reference, {}});
      lock.lock();
      continue;
    }
    if (network_ && std::chrono::steady_clock::now() >= nextProbe) {
      // While online, the offline stock of queue numbers is topped up (a job: it reads the disk).
      if (tickets_ && link_.load() == sync::Link::Online) jobs_.push_back([this] { tickets_->topUp(); });
      sync::HttpRequest probe;
      probe.path = "/v1/keys";
      probe.totalTimeoutMs = 8000;
      network_->submit(std::move(probe), [this](std::uint64_t, sync::HttpResult r) { noteLink(r); });
      nextProbe = std::chrono::steady_clock::now() + std::chrono::seconds(kProbeSeconds);
    }
    // Not connected yet (no server configured, or the demo's still starting): nothing to
    // probe, so sleep until a job or stop() — a timed wait here would spin.
    if (!network_) wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    else wake_.wait_until(lock, std::min(wakeAt, nextProbe), [this] { return stopping_ || !jobs_.empty(); });
  }
}

void CentralLink::queueFiling(std::uint64_t request, const sync::HttpRequest& identify, const std::string& service,
                              const nlohmann::json& details, const std::string& citizenRef,
                              std::function<void(FilingOutcome)> decided) {
  // The request is built here (the identity stays on the UI thread's side) and sealed in
  // the outbox by the worker; the relay identifies afresh with the card data it carries.
  sync::HttpRequest filing;
  filing.method = "POST";
  filing.path = "/v1/me/filings";
  nlohmann::json body{{"service", service}, {"details", details}};
  filing.body = body.dump();
  sync::wipeJsonStrings(body);
  filing.headers[sync::Relay::kIdentifyHeader] = identify.body;
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back([this, request, citizenRef, filing = std::move(filing), decided = std::move(decided)]() mutable {
      if (!outbox_) {
        spdlog::error("central: filing for request {} not kept: no outbox", request);
        core::secureWipe(filing.body);
        decided({FilingOutcome::Kind::NotKept, {}, {}, {}, 0, {}, std::string("filing.problem.not_kept"_k)});
        return;
      }
      // Held from the commit until the wait is registered: the relay may deliver at once.
      std::unique_lock waitLock(waitMutex_);
      auto item = outbox_->enqueue("filing", citizenRef, std::move(filing), epochNow());
      if (!item) {
        waitLock.unlock();
        spdlog::error("central: filing for request {} not kept: {}", request, item.error());
        decided({FilingOutcome::Kind::NotKept, {}, {}, {}, 0, {},
                 std::string(sync::Outbox::isDiskFull(item.error()) ? "filing.problem.disk_full"_k
                                                                    : "filing.problem.not_kept"_k)});
        return;
      }
      // The citizen's reference: 8 hex digits of the item's Idempotency-Key ("kiosk-<hex>"),
      // the key every delivery attempt of this filing carries.
      const auto& key = item->idempotencyKey;
      std::string reference = key.substr(key.find('-') + 1, 8);
      for (auto& ch : reference) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      reference.insert(4, "-");
      spdlog::info("central: filing for request {} kept as outbox item {} ({})", request, item->id, reference);
      const bool online = link_.load() == sync::Link::Online;
      if (online) waiting_[item->id] = {std::chrono::steady_clock::now() + kAcceptWait, reference, std::move(decided)};
      waitLock.unlock();
      postQueue();
      if (!online) decided({FilingOutcome::Kind::Kept, {}, {}, {}, 0, reference, {}});
      if (relay_) relay_->kick();
    });
  }
  wake_.notify_all();
}

// The relay delivered a filing: if its citizen is still waiting, the acceptance number.
void CentralLink::filingDelivered(std::int64_t itemId, const sync::HttpResult& response) {
  Waiting w;
  {
    std::lock_guard lock(waitMutex_);
    auto it = waiting_.find(itemId);
    if (it == waiting_.end()) return;   // decided already (kept): the citizen has a provisional receipt
    w = std::move(it->second);
    waiting_.erase(it);
  }
  auto receipt = sync::api::parseFilingReceipt(response);
  if (!receipt) {
    spdlog::warn("central: filing item {} delivered, answer unusable: {}", itemId, receipt.error().what);
    w.decided({FilingOutcome::Kind::Kept, {}, {}, {}, 0, w.reference, {}});
    return;
  }
  const auto& r = receipt.value();
  w.decided({FilingOutcome::Kind::Accepted, r.acceptanceNumber, r.acceptedAt, r.dueOn, r.timeLimitWorkingDays, {}, {}});
}

void CentralLink::queryProgress(std::uint64_t request, const std::string& acceptanceNumber) {
  sync::Network* network = connectedNetwork();
  if (!network) {
    queue_.post(core::ev::ProgressFailed{request, std::string("progress.problem.offline"_k)});
    return;
  }
  network->submit(sync::api::progress(acceptanceNumber), [this, request](std::uint64_t, sync::HttpResult r) {
    noteLink(r);
    auto p = sync::api::parseProgress(r);
    if (!p) {
      using Kind = sync::api::ApiFailure::Kind;
      const auto& f = p.error();
      spdlog::warn("central: progress query {} failed: {} (status {})", request, f.what, f.status);
      const std::string_view key = f.kind == Kind::Network   ? "progress.problem.offline"_k
                                   : f.status == 404         ? "progress.problem.not_found"_k
                                   : f.kind == Kind::Malformed ? "progress.problem.bad_answer"_k
                                                               : "progress.problem.server"_k;
      queue_.post(core::ev::ProgressFailed{request, std::string(key)});
      return;
    }
    const auto& v = p.value();
    auto day = [this](const std::string& iso) { return core::localDayOf(iso, setup_.utcOffsetMinutes); };
    queue_.post(core::ev::ProgressLoaded{request, v.state, v.service, day(v.acceptedAt), v.dueOn, day(v.updatedAt), v.reason});
  });
}

void CentralLink::takeTicket(std::uint64_t request, const std::string& service,
                             std::function<void(std::string, std::optional<int>, std::string)> taken) {
  sync::Network* network = connectedNetwork();
  // Known to be offline: a reserved number at once, rather than a wait for a timeout.
  if (!network || link_.load() == sync::Link::Offline) {
    post([this, request, service, taken = std::move(taken)] { handOutReserved(request, service, taken); });
    return;
  }
  network->submit(sync::api::queueTicket(service), [this, request, service, taken = std::move(taken)](std::uint64_t,
                                                                                                     sync::HttpResult r) {
    noteLink(r);
    auto t = sync::api::parseQueueTicket(r);
    if (!t) {
      spdlog::warn("central: queue ticket {} failed: {} (status {})", request, t.error().what, t.error().status);
      if (t.error().kind == sync::api::ApiFailure::Kind::Network)
        post([this, request, service, taken] { handOutReserved(request, service, taken); });
      else
        queue_.post(core::ev::TicketFailed{request, std::string("ticket.problem.server"_k)});
      return;
    }
    spdlog::info("central: queue ticket {} taken for request {}", t->number, request);
    taken(t->number, static_cast<int>(t->peopleAhead), t->issuedAt);
  });
}

// Worker: the next number the server reserved for this kiosk, its report kept in the outbox.
void CentralLink::handOutReserved(std::uint64_t request, const std::string& service,
                                  std::function<void(std::string, std::optional<int>, std::string)> taken) {
  std::string why = "no ticket book (no server configured yet)";
  auto ticket = tickets_ ? tickets_->takeOffline(service, why) : std::nullopt;
  if (!ticket) {
    spdlog::warn("central: no queue ticket for request {} while offline: {}", request, why);
    queue_.post(core::ev::TicketFailed{request, std::string("ticket.problem.offline"_k)});
    return;
  }
  spdlog::info("central: queue ticket {} handed out offline for request {} (reserved number, report queued)",
               ticket->number, request);
  postQueue();
  if (relay_) relay_->kick();
  taken(ticket->number, std::nullopt, ticket->issuedAt);
}

void CentralLink::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_all();
}

sync::Network* CentralLink::connectedNetwork() {
  std::lock_guard lock(mutex_);
  return network_.get();
}

void CentralLink::fail(std::uint64_t request, std::string_view problemKey) {
  queue_.post(core::ev::CertificateFailed{request, std::string(problemKey)});
}

void CentralLink::queueRating(std::uint64_t request, const std::string& acceptanceNumber, int level, std::string reason,
                              std::function<void(bool queuedOffline)> kept) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back([this, request, acceptanceNumber, level, reason = std::move(reason), kept = std::move(kept)]() mutable {
      auto rating = sync::api::rate(acceptanceNumber, level, reason);
      core::secureWipe(reason);
      if (!outbox_) {
        core::secureWipe(rating.body);
        spdlog::error("central: rating for request {} not kept: no outbox", request);
        queue_.post(core::ev::RatingSaved{request, false, false});
        return;
      }
      auto item = outbox_->enqueue("rating", acceptanceNumber, std::move(rating), epochNow());
      if (!item) {
        spdlog::error("central: rating for request {} not kept: {}", request, item.error());
        queue_.post(core::ev::RatingSaved{request, false, false});
        return;
      }
      const bool offline = link_.load() != sync::Link::Online;
      queue_.post(core::ev::RatingSaved{request, true, offline});
      postQueue();
      if (kept) kept(offline);
      if (relay_) relay_->kick();
    });
  }
  wake_.notify_all();
}

bool CentralLink::withSession(sync::HttpRequest identify, std::function<void(sync::Network&, sync::api::Session)> then,
                              std::function<void(const sync::api::ApiFailure&)> failed) {
  sync::Network* network = connectedNetwork();
  if (!network) {
    core::secureWipe(identify.body);
    return false;
  }
  network->submit(std::move(identify), [this, network, then = std::move(then),
                                                       failed = std::move(failed)](std::uint64_t, sync::HttpResult r) {
    noteLink(r);
    auto session = sync::api::parseSession(r);
    core::secureWipe(r.body);
    if (!session) {
      failed(session.error());
      return;
    }
    then(*network, std::move(session.value()));
  });
  return true;
}

bool CentralLink::readAsCitizen(sync::HttpRequest identify, std::function<sync::HttpRequest(const std::string&)> read,
                                std::function<void(const sync::HttpResult&)> answered,
                                std::function<void(const sync::api::ApiFailure&)> failed) {
  return withSession(
      std::move(identify),
      [this, read = std::move(read), answered = std::move(answered)](sync::Network& network, sync::api::Session session) {
        const std::string token = session.token;
        network.submit(read(token), [this, &network, token, answered](std::uint64_t, sync::HttpResult r) {
          noteLink(r);
          network.submit(sync::api::endSession(token), [](std::uint64_t, sync::HttpResult) {});
          answered(r);
          core::secureWipe(r.body);
        });
      },
      std::move(failed));
}

void CentralLink::reportPrintOutcome(const std::string& serial, bool printed) {
  post([this, serial, printed] {
    if (!outbox_) {
      spdlog::error("central: print outcome of certificate {} not kept: no outbox", serial);
      return;
    }
    auto item = outbox_->enqueue("print-outcome", serial, sync::api::printOutcome(serial, printed), epochNow());
    if (!item) {
      spdlog::error("central: print outcome of certificate {} not kept: {}", serial, item.error());
      return;
    }
    postQueue();
    if (relay_) relay_->kick();
  });
}

void CentralLink::queueComplaint(std::uint64_t request, const std::string& category, std::string text) {
  post([this, request, category, text = std::move(text)]() mutable {
    auto complaint = sync::api::complain(category, text);
    core::secureWipe(text);
    if (!outbox_) {
      core::secureWipe(complaint.body);
      spdlog::error("central: complaint for request {} not kept: no outbox", request);
      queue_.post(core::ev::ComplaintKept{request, false, false, std::string("complaint.problem.not_kept"_k)});
      return;
    }
    // One reference per complaint: each goes out on its own.
    auto item = outbox_->enqueue("complaint", "complaint-" + std::to_string(request), std::move(complaint), epochNow());
    if (!item) {
      spdlog::error("central: complaint for request {} not kept: {}", request, item.error());
      queue_.post(core::ev::ComplaintKept{request, false, false,
                                          std::string(sync::Outbox::isDiskFull(item.error()) ? "complaint.problem.disk_full"_k
                                                                                             : "complaint.problem.not_kept"_k)});
      return;
    }
    spdlog::info("central: complaint for request {} kept as outbox item {}", request, item->id);
    queue_.post(core::ev::ComplaintKept{request, true, link_.load() != sync::Link::Online, {}});
    postQueue();
    if (relay_) relay_->kick();
  });
}

void CentralLink::issueCertificate(std::uint64_t request, sync::HttpRequest identify, const std::string& type,
                                   const std::optional<core::MonthPeriod>& period) {
  const bool asked = withSession(
      std::move(identify),
      [this, request, type, period](sync::Network& network, sync::api::Session session) {
        const std::string token = session.token;
        network.submit(sync::api::issueCertificate(token, type, period), [this, &network, request, token, period](
                                                                             std::uint64_t, sync::HttpResult c) {
          noteLink(c);
          // The kiosk needs no more from this server session: end it now.
          network.submit(sync::api::endSession(token), [](std::uint64_t, sync::HttpResult) {});
          auto issued = sync::api::parseCertificate(c);
          if (!issued) {
            spdlog::warn("central: certificate request {} refused: {} (status {})", request, issued.error().what, c.status);
            core::secureWipe(c.body);
            // Nothing on record in the months chosen: another period may well work.
            const bool emptyPeriod = period && issued.error().code == "certificate-unavailable";
            fail(request, emptyPeriod ? "certificate.problem.nothing_in_period"_k : problemKeyOf(issued.error()));
            return;
          }
          spdlog::info("central: certificate {} issued for request {}", issued.value().serial, request);
          issued_(request, std::move(c.body));
        });
      },
      [this, request](const sync::api::ApiFailure& f) {
        spdlog::warn("central: identify for certificate request {} failed: {}", request, f.what);
        fail(request, problemKeyOf(f));
      });
  if (!asked) {
    spdlog::warn("central: certificate request {} while no server is configured", request);
    fail(request, "certificate.problem.offline"_k);
  }
}

void CentralLink::runQuery(std::uint64_t request, sync::HttpRequest identify, core::QueryKind kind,
                           std::optional<int> year) {
  auto failed = [this, request](const sync::api::ApiFailure& f) {
    using Kind = sync::api::ApiFailure::Kind;
    spdlog::warn("central: query {} failed: {} (status {})", request, f.what, f.status);
    const std::string_view key = f.kind == Kind::Network        ? "query.problem.offline"_k
                                 : f.code == "citizen-not-found" ? "query.problem.not_found"_k
                                 : f.kind == Kind::Malformed     ? "query.problem.bad_answer"_k
                                                                 : "query.problem.server"_k;
    queue_.post(core::ev::QueryFailed{request, std::string(key)});
  };
  const bool asked = readAsCitizen(
      std::move(identify), [kind, year](const std::string& token) { return queryRequest(kind, token, year); },
      [this, request, kind, failed](const sync::HttpResult& r) {
        auto answer = queryAnswer(kind, r);
        if (!answer) {
          failed(answer.error());
          return;
        }
        spdlog::info("central: query {} ({}) answered", request, core::queryKindName(kind));
        queue_.post(core::ev::QueryLoaded{request, std::move(answer.value())});
      },
      failed);
  if (!asked) queue_.post(core::ev::QueryFailed{request, std::string("query.problem.offline"_k)});
}

void CentralLink::loadProfile(std::uint64_t request, sync::HttpRequest identify) {
  auto failed = [this, request](const sync::api::ApiFailure& f) {
    spdlog::warn("central: current record {} not available: {} (status {})", request, f.what, f.status);
    queue_.post(core::ev::ProfileFailed{request});
  };
  const bool asked = readAsCitizen(
      std::move(identify), [](const std::string& token) { return sync::api::profile(token); },
      [this, request, failed](const sync::HttpResult& r) {
        auto answer = sync::api::parseProfile(r);
        if (!answer) {
          failed(answer.error());
          return;
        }
        core::ProfileView view;
        view.phoneMasked = answer->phoneMasked.value_or("");
        view.addressMasked = answer->addressMasked.value_or("");
        view.bankAccountMasked = answer->bankAccountMasked.value_or("");
        view.cardLost = answer->cardStatus == "lost";
        for (auto& p : answer->pending) view.pending.emplace_back(std::move(p.service), std::move(p.acceptanceNumber));
        queue_.post(core::ev::ProfileLoaded{request, std::move(view)});
      },
      failed);
  if (!asked) queue_.post(core::ev::ProfileFailed{request});
}

void CentralLink::identifyEssc(std::uint64_t request, const std::string& token) {
  const bool asked = withSession(
      sync::api::identifyByEssc(token),
      [this, request](sync::Network& network, sync::api::Session session) {
        // The kiosk identifies afresh by the code for each request: this session is done.
        network.submit(sync::api::endSession(session.token), [](std::uint64_t, sync::HttpResult) {});
        spdlog::info("central: e-SSC identified for request {}", request);
        queue_.post(core::ev::EsscIdentified{request, std::move(session.name), std::move(session.idNumberMasked)});
      },
      [this, request](const sync::api::ApiFailure& f) {
        using Kind = sync::api::ApiFailure::Kind;
        spdlog::warn("central: e-SSC identification {} failed: {} (status {})", request, f.what, f.status);
        const std::string_view key = f.kind == Kind::Network              ? "identify.essc.offline"_k
                                     : f.code == "essc-token-invalid"    ? "identify.essc.invalid"_k
                                     : f.code == "citizen-not-found"     ? "identify.essc.not_found"_k
                                                                         : "identify.essc.server"_k;
        queue_.post(core::ev::EsscRejected{request, std::string(key)});
      });
  if (!asked) queue_.post(core::ev::EsscRejected{request, std::string("identify.essc.offline"_k)});
}

}  // namespace onestop::app
