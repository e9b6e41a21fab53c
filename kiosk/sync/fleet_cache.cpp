#include "sync/fleet_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string_view>

#include <spdlog/spdlog.h>

#include "sync/json_reader.hpp"

namespace onestop::sync {

using nlohmann::json;

struct FleetCache::Shared {
  std::string dir;
  FleetCacheEvents events;
  // Held for the whole handling of an answer (storing included) and by close(), so that
  // nothing is stored or posted once close() has returned. Recursive: an event may
  // refresh(), and a stopped Network completes a submit on the caller's thread.
  std::recursive_mutex work;
  bool closed = false;   // under work

  mutable std::mutex state;   // the copies held; taken only briefly (the UI reads them)
  FleetConfig config;
  std::string configEtag;
  std::optional<FleetCatalogue> catalogue;
  std::string catalogueEtag;
  bool inFlight[2] = {false, false};

  void handle(FleetResource resource, const HttpResult& r);
};

namespace {

constexpr std::size_t kMaxServices = 100, kMaxMaterials = 32, kMaxFileBytes = 2 << 20;
constexpr std::int64_t kMaxFen = 100'000'000'000;
constexpr const char* kIdChars = "abcdefghijklmnopqrstuvwxyz0123456789_";

int index(FleetResource r) { return r == FleetResource::Catalogue ? 0 : 1; }
const char* pathOf(FleetResource r) { return r == FleetResource::Catalogue ? "/v1/fleet/catalogue" : "/v1/fleet/config"; }

bool isId(std::string_view s) {
  return !s.empty() && s.size() <= 64 && s.find_first_not_of(kIdChars) == std::string_view::npos;
}

std::string errnoText() { return std::strerror(errno); }

// Writes `content` to dir/name so that a reader (or a power cut) sees the old file or the
// new one, never a mix: a temporary file in the same directory, fsync, rename over the old
// one, fsync of the directory.
core::Result<bool> writeAtomically(const std::string& dir, const std::string& name, const std::string& content) {
  std::string tmp = dir + "/." + name + ".XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return core::Error{"cannot create a file in " + dir + ": " + errnoText()};
  auto fail = [&](const std::string& what) {
    const auto why = errnoText();
    ::close(fd);
    ::unlink(tmp.c_str());
    return core::Error{what + " " + tmp + ": " + why};
  };
  ::fchmod(fd, 0600);
  for (std::size_t done = 0; done < content.size();) {
    const auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write");
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot fsync");
  if (::close(fd) != 0) {
    const auto why = errnoText();
    ::unlink(tmp.c_str());
    return core::Error{"cannot close " + tmp + ": " + why};
  }
  const auto target = dir + "/" + name;
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const auto why = errnoText();
    ::unlink(tmp.c_str());
    return core::Error{"cannot rename " + tmp + " to " + target + ": " + why};
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    const bool synced = ::fsync(dfd) == 0;
    ::close(dfd);
    if (!synced) return core::Error{"cannot fsync " + dir + ": " + errnoText()};
  }
  return true;
}

std::optional<std::string> readFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string out;
  char buf[65536];
  while (true) {
    const auto n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || out.size() + static_cast<std::size_t>(n) > kMaxFileBytes) {
      ::close(fd);
      if (n == 0) return out;
      return std::nullopt;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
}

std::string describe(const HttpResult& r) {
  if (!r.answered()) return std::string(netErrorName(r.error)) + ": " + r.errorText;
  const auto problem = json::parse(r.body, nullptr, false);
  const std::string code = problem.is_object() && problem.contains("code") && problem["code"].is_string()
                               ? problem["code"].get<std::string>().substr(0, 64)
                               : "";
  return "HTTP " + std::to_string(r.status) + (code.empty() ? "" : " " + code);
}

// A copy on disk: {"etag": "\"…\"", "body": "<the body as the server sent it>"}.
struct Stored {
  std::string etag, body;
};

core::Expected<Stored, std::string> readStored(const std::string& path) {
  const auto text = readFile(path);
  if (!text) return std::string("cannot read it");
  const auto j = json::parse(*text, nullptr, false);
  std::optional<std::string> error;
  if (j.is_discarded()) return std::string("not JSON");
  JsonReader top(j, "", &error);
  Stored s{top.text("etag", 40), top.text("body", kMaxFileBytes)};
  if (error) return *error;
  if (!isFleetEtag(s.etag)) return std::string("etag: malformed");
  return s;
}

}  // namespace

const char* fleetResourceName(FleetResource r) { return r == FleetResource::Catalogue ? "catalogue" : "config"; }

const char* fleetOutcomeName(FleetRefresh::Outcome o) {
  switch (o) {
    case FleetRefresh::Outcome::Updated: return "updated";
    case FleetRefresh::Outcome::NotModified: return "not modified";
    case FleetRefresh::Outcome::Failed: return "failed";
  }
  return "failed";
}

bool isFleetEtag(const std::string& etag) {
  return etag.size() == 34 && etag.front() == '"' && etag.back() == '"' &&
         std::all_of(etag.begin() + 1, etag.end() - 1, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

core::Expected<FleetConfig, std::string> parseFleetConfig(const std::string& body) {
  const auto j = json::parse(body, nullptr, false);
  if (j.is_discarded()) return std::string("config: not JSON");
  std::optional<std::string> error;
  JsonReader top(j, "config", &error);
  FleetConfig c;
  // Both members are optional (the operator may set only one); present, they must be sane.
  if (top.ok() && j.contains("inactivitySeconds")) c.inactivitySeconds = static_cast<int>(top.integer("inactivitySeconds", 15, 600));
  if (top.ok() && j.contains("heartbeatSeconds")) c.heartbeatSeconds = static_cast<int>(top.integer("heartbeatSeconds", 5, 3600));
  if (error) return *error;
  c.raw = j;
  c.fromServer = true;
  return c;
}

core::Expected<FleetCatalogue, std::string> parseFleetCatalogue(const std::string& body) {
  const auto j = json::parse(body, nullptr, false);
  if (j.is_discarded()) return std::string("catalogue: not JSON");
  std::optional<std::string> error;
  JsonReader top(j, "catalogue", &error);
  FleetCatalogue c;
  const auto* services = top.array("services", kMaxServices);
  if (services && services->empty()) error = "catalogue.services: empty";
  std::set<std::string> seen;
  for (std::size_t i = 0; services && i < services->size() && !error; ++i) {
    const auto at = "catalogue.services[" + std::to_string(i) + "]";
    JsonReader s((*services)[i], at, &error);
    CatalogueService svc;
    svc.id = s.text("id", 64);
    svc.group = s.oneOf("group", {"query", "certificate", "filing", "counter"});
    svc.handling = s.oneOf("handling", {"kiosk", "kiosk_back_office", "counter"});
    svc.needsIdentity = s.boolean("needsIdentity");
    svc.timeLimitWorkingDays = static_cast<int>(s.integer("timeLimitWorkingDays", 0, 365));
    svc.feeFen = s.integer("feeFen", 0, kMaxFen);
    svc.legalBasis = s.text("legalBasis", 64);
    if (const auto* materials = s.array("materials", kMaxMaterials))
      for (std::size_t m = 0; m < materials->size() && !error; ++m) {
        const auto& v = (*materials)[m];
        if (!v.is_string() || !isId(v.get_ref<const std::string&>()))
          error = at + ".materials[" + std::to_string(m) + "]: not an id";
        else
          svc.materials.push_back(v.get<std::string>());
      }
    if (error) break;
    if (!isId(svc.id)) error = at + ".id: not an id";
    else if (!isId(svc.legalBasis)) error = at + ".legalBasis: not an id";
    else if (!seen.insert(svc.id).second) error = at + ".id: duplicate";
    else c.services.push_back(std::move(svc));
  }
  if (error) return *error;
  c.json = body;
  return c;
}

// ---- the cache -------------------------------------------------------------------------

core::Result<std::unique_ptr<FleetCache>> FleetCache::open(Network& network, const std::string& dir,
                                                           FleetCacheEvents events) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) return core::Error{"fleet cache " + dir + ": cannot create it"};
  ::chmod(dir.c_str(), 0700);
  auto shared = std::make_shared<Shared>();
  shared->dir = dir;
  shared->events = std::move(events);
  for (auto resource : {FleetResource::Catalogue, FleetResource::Config}) {
    const auto path = dir + "/" + fleetResourceName(resource) + ".json";
    if (!std::filesystem::exists(path)) continue;
    auto stored = readStored(path);
    if (!stored) {
      spdlog::warn("fleet cache: {} ignored: {}", path, stored.error());
      continue;
    }
    if (resource == FleetResource::Config) {
      auto config = parseFleetConfig(stored->body);
      if (!config) {
        spdlog::warn("fleet cache: {} ignored: {}", path, config.error());
        continue;
      }
      shared->config = std::move(config.value());
      shared->configEtag = stored->etag;
    } else {
      auto catalogue = parseFleetCatalogue(stored->body);
      if (!catalogue) {
        spdlog::warn("fleet cache: {} ignored: {}", path, catalogue.error());
        continue;
      }
      shared->catalogue = std::move(catalogue.value());
      shared->catalogueEtag = stored->etag;
    }
    spdlog::info("fleet cache: {} {} loaded from {}", fleetResourceName(resource), stored->etag, path);
  }
  return std::unique_ptr<FleetCache>(new FleetCache(network, std::move(shared)));
}

FleetCache::~FleetCache() { close(); }

void FleetCache::close() {
  std::lock_guard work(shared_->work);
  shared_->closed = true;
}

void FleetCache::refresh() {
  refresh(FleetResource::Catalogue);
  refresh(FleetResource::Config);
}

void FleetCache::refresh(FleetResource resource) {
  HttpRequest request;
  request.method = "GET";
  request.path = pathOf(resource);
  request.totalTimeoutMs = 15000;
  {
    std::lock_guard lock(shared_->state);
    if (shared_->inFlight[index(resource)]) return;
    shared_->inFlight[index(resource)] = true;
    const auto& etag = resource == FleetResource::Catalogue ? shared_->catalogueEtag : shared_->configEtag;
    if (!etag.empty()) request.headers["If-None-Match"] = etag;
  }
  auto shared = shared_;
  network_.submit(std::move(request), [shared, resource](std::uint64_t, HttpResult r) { shared->handle(resource, r); });
}

void FleetCache::Shared::handle(FleetResource resource, const HttpResult& r) {
  std::lock_guard lock(work);
  std::string heldEtag;
  {
    std::lock_guard s(state);
    inFlight[index(resource)] = false;
    heldEtag = resource == FleetResource::Catalogue ? catalogueEtag : configEtag;
  }
  if (closed) return;

  FleetRefresh out;
  out.resource = resource;
  out.link = linkAfter(r);
  out.net = r.error;
  out.status = r.answered() ? r.status : 0;
  auto failed = [&](FleetRefresh::Kind kind, std::string what) {
    out.outcome = FleetRefresh::Outcome::Failed;
    out.kind = kind;
    out.what = std::move(what);
  };
  std::optional<FleetConfig> newConfig;
  std::optional<FleetCatalogue> newCatalogue;
  const auto etagIt = r.headers.find("etag");
  const std::string etag = etagIt == r.headers.end() ? "" : etagIt->second;

  if (!r.answered()) {
    failed(FleetRefresh::Kind::Network, describe(r));
  } else if (r.status == 304) {
    if (heldEtag.empty()) failed(FleetRefresh::Kind::Malformed, "304 although no copy is held");
    else if (!etag.empty() && etag != heldEtag) failed(FleetRefresh::Kind::Malformed, "304 with another ETag");
    else out.outcome = FleetRefresh::Outcome::NotModified;
  } else if (r.status != 200) {
    failed(FleetRefresh::Kind::Refused, describe(r));
  } else if (!isFleetEtag(etag)) {
    failed(FleetRefresh::Kind::Malformed, "200 without a strong ETag");
  } else {
    std::optional<std::string> error;
    if (resource == FleetResource::Config) {
      auto parsed = parseFleetConfig(r.body);
      if (parsed) newConfig = std::move(parsed.value());
      else error = parsed.error();
    } else {
      auto parsed = parseFleetCatalogue(r.body);
      if (parsed) newCatalogue = std::move(parsed.value());
      else error = parsed.error();
    }
    if (error) {
      failed(FleetRefresh::Kind::Malformed, *error);
    } else {
      const json envelope = {{"etag", etag}, {"body", r.body}};
      auto stored = writeAtomically(dir, std::string(fleetResourceName(resource)) + ".json", envelope.dump());
      if (!stored) {
        failed(FleetRefresh::Kind::Storage, stored.error());
        newConfig.reset();
        newCatalogue.reset();
      } else {
        out.outcome = FleetRefresh::Outcome::Updated;
        std::lock_guard s(state);
        if (newConfig) {
          config = *newConfig;
          configEtag = etag;
        } else {
          catalogue = *newCatalogue;
          catalogueEtag = etag;
        }
      }
    }
  }

  if (out.outcome == FleetRefresh::Outcome::Failed)
    spdlog::warn("fleet cache: {}: {} (the copy held stays)", fleetResourceName(resource), out.what);
  else if (out.outcome == FleetRefresh::Outcome::Updated)
    spdlog::info("fleet cache: {}: new copy {}", fleetResourceName(resource), etag);
  if (newConfig && events.configChanged) events.configChanged(*newConfig);
  if (newCatalogue && events.catalogueChanged) events.catalogueChanged(*newCatalogue);
  if (events.refreshed) events.refreshed(out);
}

FleetConfig FleetCache::config() const {
  std::lock_guard lock(shared_->state);
  return shared_->config;
}

std::optional<FleetCatalogue> FleetCache::catalogue() const {
  std::lock_guard lock(shared_->state);
  return shared_->catalogue;
}

std::string FleetCache::etag(FleetResource resource) const {
  std::lock_guard lock(shared_->state);
  return resource == FleetResource::Catalogue ? shared_->catalogueEtag : shared_->configEtag;
}

std::string FleetCache::file(FleetResource resource) const {
  return shared_->dir + "/" + fleetResourceName(resource) + ".json";
}

}  // namespace onestop::sync
