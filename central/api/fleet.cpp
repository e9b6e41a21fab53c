// Fleet: POST /v1/fleet/heartbeat (device statuses, software version),
// GET /v1/fleet/catalogue and GET /v1/fleet/config with ETag / If-None-Match, so an
// unchanged catalogue costs a kiosk one small 304.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/fields.hpp"
#include "api/routes.hpp"
#include "api/secrets.hpp"
#include "api/sessions.hpp"
#include "core/service_catalogue.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

constexpr std::string_view kDeviceStatuses[] = {"online",   "offline",       "powerOff", "noDevice",
                                                "hardwareError", "userError", "busy"};

ApiResponse heartbeat(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto version = f.token("softwareVersion", "0123456789.abcdefghijklmnopqrstuvwxyz-+", 1, 40);
  // Optional: items waiting in the kiosk's outbox (the staff console's fleet page shows it).
  const auto queuedItems = f.integer("queuedItems", 0, 1000000, false, -1);
  if (!f.ok()) return toResponse(*f.problem());
  const auto devicesIt = body.find("devices");
  if (devicesIt == body.end() || !devicesIt->is_array() || devicesIt->size() > 32)
    return toResponse(problems::invalidField("devices", "must be an array of at most 32 devices"));
  json devices = json::array();
  for (const auto& d : *devicesIt) {
    if (!d.is_object()) return toResponse(problems::invalidField("devices", "each entry must be an object"));
    Fields df(d, "devices[]");
    const auto name = df.token("name", "abcdefghijklmnopqrstuvwxyz0123456789_-", 1, 32);
    const auto status = df.text("status", 20);
    const auto detail = df.text("detail", 200, false);
    if (df.ok() && std::find(std::begin(kDeviceStatuses), std::end(kDeviceStatuses), status) == std::end(kDeviceStatuses))
      df.fail("status", "must be an XFS4IoT device status (online, offline, powerOff, noDevice, hardwareError, userError, busy)");
    if (!df.ok()) return toResponse(*df.problem());
    devices.push_back({{"name", name}, {"status", status}, {"detail", detail}});
  }
  const auto now = env.now();
  return withConnection(env, "heartbeat", [&](store::Connection& c) -> ApiResponse {
    auto r = c.execute(
        "INSERT INTO kiosks (kiosk_id, last_seen, software_version, devices, queued_items) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (kiosk_id) DO UPDATE SET last_seen = excluded.last_seen, "
        "software_version = excluded.software_version, devices = excluded.devices, "
        "queued_items = excluded.queued_items",
        {request.caller.id, now, version, devices.dump(),
         queuedItems < 0 ? store::Value{nullptr} : store::Value{queuedItems}});
    if (!r) return storageFailure(r.error(), "heartbeat");
    return jsonResponse(200, json{{"serverTime", rfc3339(now)}}.dump());
  });
}

json catalogueJson() {
  json services = json::array();
  for (const auto& s : core::serviceCatalogue()) {
    json materials = json::array();
    for (auto m : s.materials) materials.push_back(std::string(m));
    services.push_back({{"id", std::string(s.id)},
                        {"group", std::string(core::groupKey(s.group)).substr(6)},
                        {"handling", std::string(core::handlingKey(s.handling)).substr(9)},
                        {"needsIdentity", s.needsIdentity},
                        {"timeLimitWorkingDays", s.timeLimitWorkingDays},
                        {"feeFen", s.feeFen},
                        {"materials", materials},
                        {"legalBasis", std::string(s.legalBasis)}});
  }
  return json{{"services", services}};
}

// Serves `body` with a strong ETag; answers 304 when the kiosk already has it.
ApiResponse withEtag(const ApiRequest& request, const std::string& body) {
  const auto etag = "\"" + sha256Hex(body).substr(0, 32) + "\"";
  ApiResponse r;
  if (request.header("if-none-match") == etag) {
    r.status = 304;
  } else {
    r.body = body;
  }
  r.headers["ETag"] = etag;
  r.headers["Cache-Control"] = "no-cache";
  return r;
}

ApiResponse catalogue(const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  static const std::string body = catalogueJson().dump();
  return withEtag(request, body);
}

ApiResponse config(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  return withConnection(env, "kiosk config", [&](store::Connection& c) -> ApiResponse {
    // A kiosk's own row wins over the fleet default ('*').
    auto rows = c.query(
        "SELECT config FROM kiosk_config WHERE kiosk_id = ? OR kiosk_id = '*' "
        "ORDER BY CASE WHEN kiosk_id = '*' THEN 1 ELSE 0 END LIMIT 1",
        {request.caller.id});
    if (!rows) return storageFailure(rows.error(), "kiosk config");
    const std::string body = rows->empty() ? json{{"inactivitySeconds", 60}, {"heartbeatSeconds", 60}}.dump()
                                           : rows.value()[0].text(0);
    return withEtag(request, body);
  });
}

}  // namespace

void addFleetRoutes(Router& router, ApiEnv& env) {
  router.add("POST", "/v1/fleet/heartbeat", [&env](const ApiRequest& r, const PathParams&) { return heartbeat(env, r); });
  router.add("GET", "/v1/fleet/catalogue", [](const ApiRequest& r, const PathParams&) { return catalogue(r); });
  router.add("GET", "/v1/fleet/config", [&env](const ApiRequest& r, const PathParams&) { return config(env, r); });
}

}  // namespace onestop::central::api
