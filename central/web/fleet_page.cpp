// GET /fleet: every kiosk with its last heartbeat, software version, device statuses and
// outbox backlog; a kiosk silent for longer than staleKioskSeconds is flagged stale.
#include <nlohmann/json.hpp>

#include "web/formatting.hpp"
#include "web/pages.hpp"
#include "web/staff_gate.hpp"

namespace onestop::central::web {
namespace {

struct Kiosk {
  std::string id, version;
  std::int64_t lastSeen = 0;
  nlohmann::json devices;
  std::int64_t queuedItems = -1;  ///< -1: the kiosk does not report it
};

std::string ago(const Texts& t, std::int64_t seconds) {
  if (seconds < 60) return t("fleet.ago.now");
  if (seconds < 3600) return t("fleet.ago.minutes", {std::to_string(seconds / 60)});
  if (seconds < 86400) return t("fleet.ago.hours", {std::to_string(seconds / 3600)});
  return t("fleet.ago.days", {std::to_string(seconds / 86400)});
}

bool isDeviceStatus(const std::string& s) {
  for (const char* known : {"online", "offline", "powerOff", "noDevice", "hardwareError", "userError", "busy"})
    if (s == known) return true;
  return false;
}

// One line per device: a badge that says the status in words, and the kiosk's detail.
std::string devicesCell(const Texts& t, const nlohmann::json& devices, int& troubled) {
  if (!devices.is_array() || devices.empty()) return "<span class=\"muted\">" + escape(t("fleet.no_devices")) + "</span>";
  std::string out;
  bool anyTrouble = false;
  for (const auto& d : devices) {
    if (!d.is_object()) continue;
    const auto status = d.value("status", "");
    const auto detail = d.value("detail", "");
    const bool ok = status == "online" || status == "busy";
    anyTrouble = anyTrouble || !ok || !detail.empty();
    out += "<div><strong>" + escape(d.value("name", "?")) + "</strong> <span class=\"badge " +
           (ok ? (detail.empty() ? "ok" : "warn") : "bad") + "\">" +
           escape(isDeviceStatus(status) ? t.of("device_status", status) : status) + "</span>";
    if (!detail.empty()) out += " " + escape(detail);
    out += "</div>";
  }
  troubled += anyTrouble ? 1 : 0;
  return out;
}

}  // namespace

WebResponse fleetPage(PageContext& page, store::Connection& c) {
  std::vector<Kiosk> kiosks;
  auto done = inAuditedTransaction(c, [&]() -> store::DbResult<store::Done> {
    auto rows = c.query(
        "SELECT kiosk_id, software_version, last_seen, devices, queued_items FROM kiosks ORDER BY kiosk_id");
    if (!rows) return rows.error();
    for (const auto& r : rows->rows)
      kiosks.push_back({r.text(0), r.text(1), r.integer(2), nlohmann::json::parse(r.text(3), nullptr, false),
                        r.isNull(4) ? -1 : r.integer(4)});
    return auditStaff(c, page.env.now(), *page.staff, "console.fleet_viewed", "-");
  });
  if (!done) return storageTrouble(page, done.error(), "fleet");

  const auto& t = page.t;
  const auto now = page.env.now();
  const int offset = page.env.options.utcOffsetMinutes;
  int stale = 0, troubled = 0;
  std::string rows;
  for (const auto& k : kiosks) {
    const bool isStale = now - k.lastSeen > page.env.options.staleKioskSeconds;
    stale += isStale ? 1 : 0;
    rows += "<tr data-kiosk=\"" + escape(k.id) + "\"" + (isStale ? " class=\"overdue\"" : "") + "><td>" + escape(k.id) +
            "</td><td>" + escape(formatDateTime(t, k.lastSeen, offset)) + "<br><span class=\"muted\">" +
            escape(ago(t, now - k.lastSeen)) + "</span>";
    if (isStale) rows += " <span class=\"badge bad\">" + escape(t("fleet.stale")) + "</span>";
    rows += "</td><td>" + escape(k.version) + "</td><td>" + devicesCell(t, k.devices, troubled) + "</td><td class=\"num\">";
    rows += k.queuedItems < 0 ? "<span class=\"muted\">—</span>" : escape(std::to_string(k.queuedItems));
    rows += "</td></tr>";
  }

  page.frame.title = t("fleet.title");
  page.frame.activeNav = "fleet";
  std::string body = "<p class=\"lead\" id=\"fleet-summary\">" +
                     escape(t("fleet.summary", {std::to_string(kiosks.size()), std::to_string(stale),
                                                std::to_string(troubled)})) +
                     "</p>";
  if (kiosks.empty()) {
    body += notice("info", t("fleet.empty"));
  } else {
    body += "<table id=\"fleet\"><thead><tr>";
    for (const char* key : {"fleet.col.kiosk", "fleet.col.last_seen", "fleet.col.version", "fleet.col.devices",
                            "fleet.col.queued"})
      body += "<th scope=\"col\">" + escape(t(key)) + "</th>";
    body += "</tr></thead><tbody>" + rows + "</tbody></table>";
  }
  body += "<p class=\"hint\">" +
          escape(t("fleet.hint", {std::to_string(page.env.options.staleKioskSeconds / 60)})) + "</p>";
  return htmlResponse(200, renderPage(t, page.frame, body));
}

}  // namespace onestop::central::web
