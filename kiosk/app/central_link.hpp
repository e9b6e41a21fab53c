#pragma once
// The kiosk's link to the central server. Conversations a citizen waits for (identify, then
// issue a certificate) run on the network thread (sync::Network); what must not be lost
// (ratings now, filings later) goes into the durable outbox first — enqueued on this
// class's worker thread, never the UI thread, since a commit waits for the disk — and the
// relay delivers it when it can. The heartbeat reports version, devices and backlog; the
// fleet cache keeps the catalogue and kiosk config for offline starts. Answers reach the
// UI thread as session events. The link state follows every real exchange, plus a light
// probe while nothing else happens, so the banner is right before a citizen finds out.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/event_queue.hpp"
#include "core/identity.hpp"
#include "core/query_flow.hpp"
#include "sync/api_client.hpp"
#include "sync/heartbeat.hpp"
#include "sync/link_state.hpp"
#include "sync/network.hpp"

namespace onestop::sync {
class Outbox;
class Relay;
class FleetCache;
class TicketStock;
}  // namespace onestop::sync

namespace onestop::app {

/// A certificate the server issued: the 201 body (holds personal data; wiped after use).
using IssuedHandler = std::function<void(std::uint64_t request, std::string body)>;

/// What became of a filing the citizen submitted: accepted by the server while they waited
/// (`receipt` holds its answer), or kept in the outbox for later (`reference`), or not kept.
struct FilingOutcome {
  enum class Kind { Accepted, Kept, NotKept } kind = Kind::NotKept;
  std::string acceptanceNumber, acceptedAt, dueOn;   ///< Accepted
  int timeLimitWorkingDays = 0;
  std::string reference;                             ///< Kept: the kiosk's reference for it
  std::string problemKey;                            ///< NotKept
};

struct LinkSetup {
  std::string dataDir;      ///< outbox.db, outbox.key (0600) and cache/ live here
  std::string version;      ///< software version for the heartbeat
  std::function<std::vector<sync::DeviceStatus>()> devices;   ///< thread-safe snapshot
  int utcOffsetMinutes = 480;   ///< the hall's calendar: queue numbers restart every local day
};

class CentralLink {
 public:
  CentralLink(EventQueue& queue, LinkSetup setup, IssuedHandler issued);
  ~CentralLink();
  CentralLink(const CentralLink&) = delete;
  CentralLink& operator=(const CentralLink&) = delete;

  /// Connects with `trust` (any thread; the demo calls it when its embedded server is up):
  /// opens the outbox and cache, starts relay and heartbeat. Until then every request fails
  /// as offline.
  void start(sync::TrustConfig trust);
  void stop();

  /// Identify the citizen, then issue a certificate of `type`. Answers: the IssuedHandler
  /// (then the app renders it), or ev::CertificateFailed with the citizen's wording.
  /// `identify`: POST /v1/identify for the citizen (card data or e-SSC token, built on the UI
  /// thread; personal data, wiped once sent).
  void issueCertificate(std::uint64_t request, sync::HttpRequest identify, const std::string& type,
                        const std::optional<core::MonthPeriod>& period);
  /// One of the citizen's records (identifying afresh, then ending the server session);
  /// then ev::QueryLoaded or ev::QueryFailed with the citizen's wording.
  void runQuery(std::uint64_t request, sync::HttpRequest identify, core::QueryKind kind, std::optional<int> year);
  /// The citizen's current record, masked, for a filing's confirm screen:
  /// ev::ProfileLoaded or ev::ProfileFailed.
  void loadProfile(std::uint64_t request, sync::HttpRequest identify);
  /// Who an e-SSC code belongs to: ev::EsscIdentified or ev::EsscRejected.
  void identifyEssc(std::uint64_t request, const std::string& token);
  /// A filing's progress by acceptance number (no identification: status only); then
  /// ev::ProgressLoaded or ev::ProgressFailed.
  void queryProgress(std::uint64_t request, const std::string& acceptanceNumber);
  /// A queue number for a counter service; `taken` runs (network or worker thread) with the
  /// ticket, or ev::TicketFailed is posted. Offline, a number the server reserved for this
  /// kiosk is handed out (people ahead unknown) and reported later through the outbox.
  void takeTicket(std::uint64_t request, const std::string& service,
                  std::function<void(std::string number, std::optional<int> peopleAhead, std::string issuedAt)> taken);
  /// Keeps the print outcome of an issued certificate in the outbox (worker thread): the
  /// server records it, or voids a certificate that never came out.
  void reportPrintOutcome(const std::string& serial, bool printed);
  /// Keeps a rating in the outbox (worker thread); then ev::RatingSaved, and `kept` runs on
  /// the worker once it is committed (to print its receipt). `reason` may hold the citizen's
  /// own words: zeroed once sealed in the outbox.
  void queueRating(std::uint64_t request, const std::string& acceptanceNumber, int level, std::string reason,
                   std::function<void(bool queuedOffline)> kept);

  /// Keeps an anonymous complaint or suggestion in the outbox (worker thread); then
  /// ev::ComplaintKept. The text is wiped once sealed.
  void queueComplaint(std::uint64_t request, const std::string& category, std::string text);

  /// Commits a filing to the outbox (worker thread), to be sent after identifying afresh with
  /// the card data; then waits up to kAcceptWait for the server's acceptance. `decided` runs
  /// once (worker or relay thread) with the outcome. `citizenRef` orders one citizen's items.
  void queueFiling(std::uint64_t request, const sync::HttpRequest& identify, const std::string& service,
                   const nlohmann::json& details, const std::string& citizenRef,
                   std::function<void(FilingOutcome)> decided);

  static constexpr int kProbeSeconds = 10;   ///< between probes while idle
  static constexpr std::chrono::seconds kAcceptWait{8};

 private:
  void noteLink(const sync::HttpResult& result);
  void noteLink(sync::Link next, const std::string& why);
  void postQueue();
  void run();
  void openStores(const std::string& serverUrl);
  void fail(std::uint64_t request, std::string_view problemKey);
  /// Identifies the citizen on the network thread; `then` gets the server session (and must
  /// end it), `failed` why not. False when no server is configured.
  bool withSession(sync::HttpRequest identify, std::function<void(sync::Network&, sync::api::Session)> then,
                   std::function<void(const sync::api::ApiFailure&)> failed);
  /// One read as the citizen: identify, send `read(token)`, end the server session, then
  /// `answered` with the reply (network thread; the body is wiped after). False: offline.
  bool readAsCitizen(sync::HttpRequest identify, std::function<sync::HttpRequest(const std::string&)> read,
                     std::function<void(const sync::HttpResult&)> answered,
                     std::function<void(const sync::api::ApiFailure&)> failed);
  void post(std::function<void()> job);   ///< runs it on the worker
  void handOutReserved(std::uint64_t request, const std::string& service,
                       std::function<void(std::string, std::optional<int>, std::string)> taken);
  sync::Network* connectedNetwork();   ///< null until start(); set once, so safe to keep

  EventQueue& queue_;
  LinkSetup setup_;
  IssuedHandler issued_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;   // guarded by mutex_; run on the worker
  bool stopping_ = false;
  std::unique_ptr<sync::Network> network_;   // set once by start (under mutex_)
  std::unique_ptr<sync::Outbox> outbox_;     // worker thread and relay only
  std::unique_ptr<sync::Relay> relay_;
  std::unique_ptr<sync::Heartbeat> heartbeat_;
  std::atomic<sync::Heartbeat*> beat_{nullptr};   // for the cache's events (network thread)
  std::unique_ptr<sync::FleetCache> cache_;
  std::unique_ptr<sync::TicketStock> tickets_;   // worker thread (answers: network thread)
  struct Waiting {   // a filing whose citizen waits for the acceptance number
    std::chrono::steady_clock::time_point until;
    std::string reference;
    std::function<void(FilingOutcome)> decided;
  };
  std::mutex waitMutex_;                      // after mutex_ when both are held
  std::map<std::int64_t, Waiting> waiting_;   // by outbox item id; guarded by waitMutex_
  void filingDelivered(std::int64_t itemId, const sync::HttpResult& response);
  std::atomic<sync::Link> link_{sync::Link::Unknown};
  std::thread worker_;
};

}  // namespace onestop::app
