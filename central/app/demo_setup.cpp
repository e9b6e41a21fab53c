// The demo's central server: a dev PKI, a database with the demo citizens, a key ring, all
// under one output directory, created on first use and reused afterwards.
#include <cstdlib>

#include <spdlog/spdlog.h>

#include "api/clock.hpp"
#include "api/schema.hpp"
#include "app/central_server.hpp"
#include "demo/people_file.hpp"
#include "demo/seed.hpp"
#include "web/demo_console.hpp"

namespace onestop::central {
namespace {

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

core::Result<ServerConfig> prepareDemo(const std::filesystem::path& outDir, const std::string& host, int port) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto pki = fs::absolute(outDir / "pki");
  const auto centralDir = fs::absolute(outDir / "central");
  fs::create_directories(centralDir, ec);
  if (ec) return core::Error{"cannot create " + centralDir.string() + ": " + ec.message()};

  const std::string command = shellQuote(ONESTOP_DEV_PKI_SCRIPT) + " " + shellQuote(pki.string()) + " >/dev/null";
  if (std::system(command.c_str()) != 0)
    return core::Error{"making the dev PKI failed (" + std::string(ONESTOP_DEV_PKI_SCRIPT) + " " + pki.string() + ")"};

  ServerConfig config;
  config.host = host;
  config.port = port;
  config.dbUrl = (centralDir / "demo.db").string();
  config.tlsDir = pki;
  config.keysDir = centralDir / "seal-keys";

  auto db = store::Database::open(config.dbUrl);
  if (!db) return core::Error{"demo database: " + db.error().message};
  auto version = store::migrate(*db.value(), api::centralMigrations());
  if (!version) return core::Error{"demo database migration: " + version.error().message};
  auto people = demo::loadDemoPeople(demo::defaultDemoPeoplePath());
  if (!people) return core::Error{"demo people: " + people.error()};
  auto lease = db.value()->acquire();
  if (!lease) return core::Error{"demo database: " + lease.error().message};
  const auto today = api::localDay(config.now(), config.api.utcOffsetMinutes);
  auto seeded = demo::seedDemoCitizens(*lease.value(), people.value(), today);
  if (!seeded) return core::Error{"seeding demo citizens: " + seeded.error().message};
  if (seeded->citizens > 0)
    spdlog::info("central demo: {} demo citizens written ({} contribution rows)", seeded->citizens,
                 seeded->contributions);
  auto console = web::seedDemoConsole(*lease.value(), config.now(), config.api.utcOffsetMinutes);
  if (!console) return core::Error{"seeding the console demo: " + console.error()};
  if (console->accounts > 0)
    spdlog::info("central demo: {} staff accounts and {} filings waiting for review written", console->accounts,
                 console->filings);
  return config;
}

}  // namespace onestop::central
