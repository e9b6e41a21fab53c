#include "app/embedded_central.hpp"

#include <spdlog/spdlog.h>

#include "app/central_server.hpp"

namespace onestop::app {

EmbeddedCentral::EmbeddedCentral() = default;
EmbeddedCentral::~EmbeddedCentral() { stop(); }

void EmbeddedCentral::start(const std::string& dataDir, Ready ready) {
  starter_ = std::thread([this, dataDir, ready = std::move(ready)] {
    auto config = central::prepareDemo(dataDir, "127.0.0.1", 0);
    if (!config) {
      spdlog::error("central (embedded demo): set-up failed: {}", config.error());
      return;
    }
    auto server = central::CentralServer::start(config.value());
    if (!server) {
      spdlog::error("central (embedded demo): could not start: {}", server.error());
      return;
    }
    spdlog::info("central (embedded demo): {} (CA {}/pki/ca.crt, kiosk certificate {}/pki/kiosks/KIOSK-DEMO-01.crt)",
                 server.value()->url(), dataDir, dataDir);
    const auto pki = std::filesystem::absolute(std::filesystem::path(dataDir) / "pki");
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
      if (stopping_) server_->stop();
    }
    if (!stopping_ && ready) ready(std::move(trust));
  });
}

std::string EmbeddedCentral::pause() {
  std::lock_guard lock(mutex_);
  if (!server_) return "the embedded central server is not running";
  server_->stop();
  server_.reset();
  spdlog::warn("central (embedded demo): stopped (demo of a central system failure)");
  return {};
}

std::string EmbeddedCentral::resume() {
  std::lock_guard lock(mutex_);
  if (server_) return {};
  if (!config_) return "the embedded central server never started";
  auto server = central::CentralServer::start(*config_);
  if (!server) return "the embedded central server could not start again: " + server.error();
  server_ = std::move(server.value());
  spdlog::info("central (embedded demo): serving again on {}", server_->url());
  return {};
}

void EmbeddedCentral::stop() {
  stopping_ = true;
  if (starter_.joinable()) starter_.join();
  std::lock_guard lock(mutex_);
  if (server_) server_->stop();
  server_.reset();
}

}  // namespace onestop::app
