#include "app/central_link.hpp"

#include <spdlog/spdlog.h>

#include "core/i18n_key.hpp"
#include "core/secure_wipe.hpp"
#include "sync/api_client.hpp"

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

}  // namespace

CentralLink::CentralLink(EventQueue& queue, IssuedHandler issued) : queue_(queue), issued_(std::move(issued)) {}

CentralLink::~CentralLink() { stop(); }

void CentralLink::start(sync::TrustConfig trust) {
  std::lock_guard lock(mutex_);
  if (network_ || stopping_) return;
  network_ = std::make_unique<sync::Network>(std::move(trust));
  prober_ = std::thread([this] { probeLoop(); });
}

void CentralLink::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (prober_.joinable()) prober_.join();
  if (network_) network_->stop();   // completions run (cancelled) before this returns
}

void CentralLink::noteLink(const sync::HttpResult& result) {
  const sync::Link next = sync::linkAfter(result);
  if (next == sync::Link::Unknown) return;   // cancelled at shutdown: says nothing
  if (link_.exchange(next) == next) return;
  if (next == sync::Link::Online) spdlog::info("central: link online");
  else spdlog::warn("central: link {} ({} {})", sync::linkName(next), sync::netErrorName(result.error),
                    result.answered() ? std::to_string(result.status) : result.errorText);
  queue_.post(core::ev::LinkChanged{toStatus(next), 0});
}

// GET /v1/keys costs the server nothing and needs no session: a probe of the whole path
// (DNS, TLS with pinning, the API). Every kSeconds while the kiosk runs.
void CentralLink::probeLoop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    sync::HttpRequest probe;
    probe.path = "/v1/keys";
    probe.totalTimeoutMs = 8000;
    network_->submit(std::move(probe), [this](std::uint64_t, sync::HttpResult r) { noteLink(r); });
    wake_.wait_for(lock, std::chrono::seconds(kProbeSeconds), [this] { return stopping_; });
  }
}

void CentralLink::fail(std::uint64_t request, std::string_view problemKey) {
  queue_.post(core::ev::CertificateFailed{request, std::string(problemKey)});
}

void CentralLink::issueCertificate(std::uint64_t request, const core::Identity& citizen, const std::string& type) {
  sync::Network* network = nullptr;
  {
    std::lock_guard lock(mutex_);
    network = network_.get();
  }
  if (!network) {
    spdlog::warn("central: certificate request {} while no server is configured", request);
    fail(request, "certificate.problem.offline"_k);
    return;
  }
  network->submit(sync::api::identifyByCard(citizen), [this, network, request, type](std::uint64_t, sync::HttpResult r) {
    noteLink(r);
    auto session = sync::api::parseSession(r);
    core::secureWipe(r.body);
    if (!session) {
      spdlog::warn("central: identify for certificate request {} failed: {}", request, session.error().what);
      fail(request, problemKeyOf(session.error()));
      return;
    }
    const std::string token = session.value().token;
    network->submit(sync::api::issueCertificate(token, type), [this, network, request, token](std::uint64_t, sync::HttpResult c) {
      noteLink(c);
      // The kiosk needs no more from this server session: end it now.
      network->submit(sync::api::endSession(token), [](std::uint64_t, sync::HttpResult) {});
      auto issued = sync::api::parseCertificate(c);
      if (!issued) {
        spdlog::warn("central: certificate request {} refused: {} (status {})", request, issued.error().what, c.status);
        core::secureWipe(c.body);
        fail(request, problemKeyOf(issued.error()));
        return;
      }
      spdlog::info("central: certificate {} issued for request {}", issued.value().serial, request);
      issued_(request, std::move(c.body));
    });
  });
}

}  // namespace onestop::app
