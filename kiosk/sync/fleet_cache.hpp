#pragma once
// The service catalogue and this kiosk's configuration from the central server
// (GET /v1/fleet/catalogue, GET /v1/fleet/config), kept on disk so that a kiosk that
// starts offline uses the last good copy.
//
// Each refresh sends If-None-Match with the ETag of the copy held: 304 keeps it; 200 is
// read strictly (JsonReader: a missing member, a wrong type, a value out of range or from
// outside its enum, a malformed ETag — any of them is an error and the old copy stays) and
// the body and its ETag are stored together in one file, atomically (temporary file,
// fsync, rename, fsync of the directory); anything else (no answer, another status, a full
// disk) keeps the old copy and is reported. Requests go through the Network: refresh()
// returns at once, answers are handled on the network thread.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/expected.hpp"
#include "core/result.hpp"
#include "sync/http_types.hpp"
#include "sync/link_state.hpp"
#include "sync/network.hpp"

namespace onestop::sync {

enum class FleetResource { Catalogue, Config };
const char* fleetResourceName(FleetResource r);   ///< "catalogue", "config"

/// GET /v1/fleet/config (schema KioskConfig): the members the kiosk uses, in range, and the
/// whole object as the operator stored it (other members are allowed).
struct FleetConfig {
  int inactivitySeconds = 60;   ///< 15–600: idle time before a citizen's session ends
  int heartbeatSeconds = 60;    ///< 5–3600
  nlohmann::json raw = nlohmann::json::object();
  bool fromServer = false;      ///< false: the defaults (nothing fetched or cached yet)
};

/// One service of GET /v1/fleet/catalogue, in display order.
struct CatalogueService {
  std::string id;                  ///< [a-z0-9_]{1,64}, unique; text under service.<id>.name
  std::string group;               ///< query | certificate | filing | counter
  std::string handling;            ///< kiosk | kiosk_back_office | counter
  bool needsIdentity = false;
  int timeLimitWorkingDays = 0;    ///< 0–365
  std::int64_t feeFen = 0;
  std::vector<std::string> materials;   ///< ids ([a-z0-9_]{1,64}); text under material.<id>
  std::string legalBasis;          ///< id; text under basis.<id>
};

struct FleetCatalogue {
  std::vector<CatalogueService> services;
  std::string json;                ///< the body exactly as the server sent it
};

/// How one refresh of one resource went.
struct FleetRefresh {
  enum class Outcome {
    Updated,       ///< 200: a new copy, valid and stored
    NotModified,   ///< 304: the copy held is current
    Failed,        ///< the copy held (if any) stays; see kind and what
  };
  enum class Kind {
    None,
    Network,       ///< no answer (net says why)
    Refused,       ///< an HTTP status other than 200 / 304
    Malformed,     ///< a 200 (or 304) the kiosk cannot trust
    Storage,       ///< valid, but it could not be stored (disk full, read-only…): not taken
  };
  FleetResource resource = FleetResource::Catalogue;
  Outcome outcome = Outcome::Failed;
  Kind kind = Kind::None;
  NetError net = NetError::None;
  long status = 0;
  Link link = Link::Unknown;       ///< linkAfter() of the exchange
  std::string what;                ///< for the log; never personal data
};
const char* fleetOutcomeName(FleetRefresh::Outcome o);

/// Called on the network thread (post an event, do not block); never after close() has
/// returned. Do not call close() from inside one.
struct FleetCacheEvents {
  std::function<void(const FleetRefresh&)> refreshed;           ///< after every answer (or failure)
  std::function<void(const FleetConfig&)> configChanged;        ///< a new config was stored
  std::function<void(const FleetCatalogue&)> catalogueChanged;  ///< a new catalogue was stored
};

/// Strict readers of the two bodies (also used on the copies read back from disk).
core::Expected<FleetConfig, std::string> parseFleetConfig(const std::string& body);
core::Expected<FleetCatalogue, std::string> parseFleetCatalogue(const std::string& body);
/// A strong ETag as the server makes them: 32 lower-case hex digits in quotes.
bool isFleetEtag(const std::string& etag);

class FleetCache {
 public:
  /// Opens the cache in `dir` (created 0700 when missing) and loads the copies stored there,
  /// each read again strictly: a damaged one is ignored (and logged), as if there were
  /// none. Does not touch the network.
  static core::Result<std::unique_ptr<FleetCache>> open(Network& network, const std::string& dir,
                                                        FleetCacheEvents events = {});
  ~FleetCache();   ///< close()
  FleetCache(const FleetCache&) = delete;
  FleetCache& operator=(const FleetCache&) = delete;

  /// Asks for both (or one) now; returns at once. A resource whose request is still on its
  /// way is not asked again.
  void refresh();
  void refresh(FleetResource resource);
  /// No events after this returns; answers still on their way are dropped.
  void close();

  /// The current config: the last good copy (fromServer = true) or the defaults.
  FleetConfig config() const;
  /// The last good catalogue, or nullopt (never fetched, none cached): then the kiosk
  /// uses the catalogue it was built with.
  std::optional<FleetCatalogue> catalogue() const;
  /// The ETag of the copy held ("" when none).
  std::string etag(FleetResource resource) const;
  /// The file a resource is stored in (<dir>/catalogue.json, <dir>/config.json).
  std::string file(FleetResource resource) const;

  struct Shared;   ///< what an answer on its way needs (fleet_cache.cpp)

 private:
  FleetCache(Network& network, std::shared_ptr<Shared> shared) : network_(network), shared_(std::move(shared)) {}
  Network& network_;
  std::shared_ptr<Shared> shared_;
};

}  // namespace onestop::sync
