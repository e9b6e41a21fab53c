#include "app/embedded_central.hpp"

#include <spdlog/spdlog.h>

#include "app/central_server.hpp"

namespace onestop::app {

EmbeddedCentral::EmbeddedCentral() = default;
EmbeddedCentral::~EmbeddedCentral() { stop(); }

void EmbeddedCentral::start(const std::string& dataDir) {
  starter_ = std::thread([this, dataDir] {
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
    server_ = std::move(server.value());
    if (stopping_) server_->stop();
  });
}

void EmbeddedCentral::stop() {
  stopping_ = true;
  if (starter_.joinable()) starter_.join();
  if (server_) server_->stop();
  server_.reset();
}

}  // namespace onestop::app
