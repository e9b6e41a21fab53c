#include "app/embedded_central.hpp"

#include <spdlog/spdlog.h>

#include "app/central_server.hpp"

namespace onestop::app {

EmbeddedCentral::EmbeddedCentral() = default;
EmbeddedCentral::~EmbeddedCentral() { stop(); }

void EmbeddedCentral::start(const std::string& dataDir, Ready ready) {
  dataDir_ = dataDir;
  ready_ = std::move(ready);
  starting_ = true;
  thread_ = std::thread([this] { control(); });
}

void EmbeddedCentral::control() {
  auto config = central::prepareDemo(dataDir_, "127.0.0.1", 0);
  if (!config) {
    spdlog::error("central (embedded demo): set-up failed: {}", config.error());
    starting_ = false;
    return;
  }
  auto server = central::CentralServer::start(config.value());
  if (!server) {
    spdlog::error("central (embedded demo): could not start: {}", server.error());
    starting_ = false;
    return;
  }
  spdlog::info("central (embedded demo): {} (CA {}/pki/ca.crt, kiosk certificate {}/pki/kiosks/KIOSK-DEMO-01.crt)",
               server.value()->url(), dataDir_, dataDir_);
  const auto pki = std::filesystem::absolute(std::filesystem::path(dataDir_) / "pki");
  sync::TrustConfig trust;
  trust.serverUrl = server.value()->url();
  trust.caCert = (pki / "ca.crt").string();
  trust.clientCert = (pki / "kiosks" / "KIOSK-DEMO-01.crt").string();
  trust.clientKey = (pki / "kiosks" / "KIOSK-DEMO-01.key").string();
  if (auto pin = sync::publicKeyPin((pki / "server.crt").string())) trust.pins.push_back(pin.value());
  {
    std::lock_guard lock(mutex_);
    config_ = std::make_unique<central::ServerConfig>(config.value());
    config_->port = server.value()->port();   // a restart comes back where kiosks look
    server_ = std::move(server.value());
  }
  if (!stopping_ && ready_) ready_(std::move(trust));
  starting_ = false;
  for (;;) {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return stopping_ || !requests_.empty(); });
    if (stopping_) return;
    const bool on = requests_.front();
    requests_.pop_front();
    lock.unlock();
    serve(on);
  }
}

void EmbeddedCentral::serve(bool on) {
  std::unique_ptr<central::CentralServer> old;
  {
    std::lock_guard lock(mutex_);
    if (!on) old = std::move(server_);
  }
  if (old) {
    old->stop();
    spdlog::warn("central (embedded demo): stopped (demo of a central system failure)");
    return;
  }
  if (!on) return;
  std::lock_guard lock(mutex_);
  if (server_) return;
  auto server = central::CentralServer::start(*config_);
  if (!server) {
    spdlog::error("central (embedded demo): could not start again: {}", server.error());
    return;
  }
  server_ = std::move(server.value());
  spdlog::info("central (embedded demo): serving again on {}", server_->url());
}

std::string EmbeddedCentral::pause() {
  std::lock_guard lock(mutex_);
  if (!config_) return "the embedded central server never started";
  requests_.push_back(false);
  wake_.notify_all();
  return {};
}

std::string EmbeddedCentral::resume() {
  std::lock_guard lock(mutex_);
  if (!config_) return "the embedded central server never started";
  requests_.push_back(true);
  wake_.notify_all();
  return {};
}

void EmbeddedCentral::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  if (server_) server_->stop();
  server_.reset();
}

}  // namespace onestop::app
