// GET /quality?from=YYYY-MM-DD&to=YYYY-MM-DD: service quality over a period (default the
// last 30 days) — ratings per service and per kiosk (count per level, share satisfied),
// the reasons given with negative ratings, complaints with their handling state, and the
// number of transactions per service per day.
#include <chrono>
#include <map>
#include <set>

#include "api/clock.hpp"
#include "web/formatting.hpp"
#include "web/pages.hpp"
#include "web/staff_gate.hpp"

namespace onestop::central::web {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr int kDefaultDays = 30;
constexpr int kMaxDays = 366;
constexpr int kListedAtMost = 100;

struct Period {
  year_month_day from, to;  ///< both included
  std::int64_t startsAt = 0, endsAt = 0;  ///< epoch seconds, [startsAt, endsAt)
};

std::int64_t localMidnight(year_month_day day, int utcOffsetMinutes) {
  return std::int64_t{sys_days{day}.time_since_epoch().count()} * 86400 - std::int64_t{utcOffsetMinutes} * 60;
}

Period makePeriod(year_month_day from, year_month_day to, int offset) {
  return {from, to, localMidnight(from, offset), localMidnight(year_month_day{sys_days{to} + days{1}}, offset)};
}

// The period asked for, or the default one with a message saying why.
Period periodOf(const PageContext& page, std::string& problem) {
  const int offset = page.env.options.utcOffsetMinutes;
  const auto today = api::localDay(page.env.now(), offset);
  const Period fallback = makePeriod(year_month_day{sys_days{today} - days{kDefaultDays - 1}}, today, offset);
  const auto fromText = page.request.queryValue("from"), toText = page.request.queryValue("to");
  if (fromText.empty() && toText.empty()) return fallback;
  const auto from = fromText.size() == 10 ? api::parseIsoDay(fromText) : std::nullopt;
  const auto to = toText.size() == 10 ? api::parseIsoDay(toText) : std::nullopt;
  if (!from || !to || sys_days{*to} < sys_days{*from} || (sys_days{*to} - sys_days{*from}).count() >= kMaxDays) {
    problem = page.t("quality.bad_period", {std::to_string(kMaxDays)});
    return fallback;
  }
  return makePeriod(*from, *to, offset);
}

struct LevelCounts {
  std::int64_t byLevel[6] = {0, 0, 0, 0, 0, 0};  ///< index = level 1…5
  std::int64_t total() const { return byLevel[1] + byLevel[2] + byLevel[3] + byLevel[4] + byLevel[5]; }
  std::int64_t satisfied() const { return byLevel[3] + byLevel[4] + byLevel[5]; }
};

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return "—";
  const auto tenths = (part * 1000 + whole / 2) / whole;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::string ratingsTable(const Texts& t, const std::string& id, const std::string& firstColumnKey,
                         const std::map<std::string, LevelCounts>& counts, bool servicesAsNames) {
  if (counts.empty()) return "<p class=\"muted\">" + escape(t("quality.no_ratings")) + "</p>";
  std::string out = "<table id=\"" + id + "\"><thead><tr><th scope=\"col\">" + escape(t(firstColumnKey)) + "</th>";
  for (int level = 5; level >= 1; --level)
    out += "<th scope=\"col\" class=\"num\">" + escape(t.of("level", std::to_string(level))) + "</th>";
  out += "<th scope=\"col\" class=\"num\">" + escape(t("quality.col.total")) + "</th><th scope=\"col\" class=\"num\">" +
         escape(t("quality.col.satisfied")) + "</th></tr></thead><tbody>";
  for (const auto& [key, c] : counts) {
    out += "<tr><th scope=\"row\">" + escape(servicesAsNames ? t.of("service", key) : key) + "</th>";
    for (int level = 5; level >= 1; --level) out += "<td class=\"num\">" + std::to_string(c.byLevel[level]) + "</td>";
    out += "<td class=\"num\">" + std::to_string(c.total()) + "</td><td class=\"num\">" +
           escape(percent(c.satisfied(), c.total())) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

store::DbResult<std::map<std::string, LevelCounts>> countRatings(store::Connection& c, const Period& p,
                                                                 const std::string& groupColumn) {
  auto rows = c.query("SELECT " + groupColumn + ", r.level, COUNT(*) FROM ratings r "
                      "JOIN applications a ON a.acceptance_number = r.acceptance_number "
                      "WHERE r.at >= ? AND r.at < ? GROUP BY " + groupColumn + ", r.level",
                      {p.startsAt, p.endsAt});
  if (!rows) return rows.error();
  std::map<std::string, LevelCounts> counts;
  for (const auto& r : rows->rows) {
    const auto level = r.integer(1);
    if (level >= 1 && level <= 5) counts[r.text(0)].byLevel[level] += r.integer(2);
  }
  return counts;
}

store::DbResult<std::string> negativeReasons(store::Connection& c, const PageContext& page, const Period& p) {
  const auto& t = page.t;
  auto rows = c.query(
      "SELECT r.at, r.level, a.service_id, r.kiosk_id, r.reason, r.acceptance_number FROM ratings r "
      "JOIN applications a ON a.acceptance_number = r.acceptance_number "
      "WHERE r.level <= 2 AND r.at >= ? AND r.at < ? ORDER BY r.at DESC LIMIT " + std::to_string(kListedAtMost),
      {p.startsAt, p.endsAt});
  if (!rows) return rows.error();
  if (rows->empty()) return "<p class=\"muted\">" + escape(t("quality.no_negative")) + "</p>";
  std::string out = "<table id=\"negative\"><thead><tr>";
  for (const char* key : {"quality.col.time", "quality.col.level", "quality.col.service", "quality.col.kiosk",
                          "quality.col.number", "quality.col.reason"})
    out += "<th scope=\"col\">" + escape(t(key)) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& r : rows->rows)
    out += "<tr><td>" + escape(formatDateTime(t, r.integer(0), page.env.options.utcOffsetMinutes)) + "</td><td>" +
           escape(t.of("level", std::to_string(r.integer(1)))) + "</td><td>" + escape(t.of("service", r.text(2))) +
           "</td><td>" + escape(r.text(3)) + "</td><td>" + escape(r.text(5)) + "</td><td>" + escape(r.text(4)) +
           "</td></tr>";
  return out + "</tbody></table>";
}

bool isKnown(const std::string& value, std::initializer_list<const char*> known) {
  for (const char* k : known)
    if (value == k) return true;
  return false;
}

store::DbResult<std::string> complaints(store::Connection& c, const PageContext& page, const Period& p) {
  const auto& t = page.t;
  auto rows = c.query("SELECT id, at, category, kiosk_id, state, text FROM complaints WHERE at >= ? AND at < ? "
                      "ORDER BY at DESC LIMIT " + std::to_string(kListedAtMost),
                      {p.startsAt, p.endsAt});
  if (!rows) return rows.error();
  if (rows->empty()) return "<p class=\"muted\">" + escape(t("quality.no_complaints")) + "</p>";
  std::string out = "<table id=\"complaints\"><thead><tr>";
  for (const char* key : {"quality.col.time", "quality.col.category", "quality.col.kiosk", "quality.col.state",
                          "quality.col.text"})
    out += "<th scope=\"col\">" + escape(t(key)) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& r : rows->rows) {
    const auto category = r.text(2), state = r.text(4);
    out += "<tr><td>" + escape(formatDateTime(t, r.integer(1), page.env.options.utcOffsetMinutes)) +
           "<br><span class=\"muted\">" + escape(r.text(0)) + "</span></td><td>" +
           escape(isKnown(category, {"complaint", "suggestion"}) ? t.of("complaint_category", category) : category) +
           "</td><td>" + escape(r.text(3)) + "</td><td>" +
           escape(isKnown(state, {"open", "in_progress", "closed"}) ? t.of("complaint_state", state) : state) +
           "</td><td>" + escape(r.text(5)) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

store::DbResult<std::string> volume(store::Connection& c, const PageContext& page, const Period& p) {
  const auto& t = page.t;
  // Local day numbers (days since 1970-01-01 in the agency's calendar); the offset is ours.
  const std::string offsetSeconds = std::to_string(std::int64_t{page.env.options.utcOffsetMinutes} * 60);
  auto rows = c.query("SELECT service_id, (accepted_at + " + offsetSeconds + ") / 86400, COUNT(*) FROM applications "
                      "WHERE accepted_at >= ? AND accepted_at < ? GROUP BY service_id, (accepted_at + " +
                          offsetSeconds + ") / 86400",
                      {p.startsAt, p.endsAt});
  if (!rows) return rows.error();
  if (rows->empty()) return "<p class=\"muted\">" + escape(t("quality.no_volume")) + "</p>";
  std::set<std::string> services;
  std::map<std::int64_t, std::map<std::string, std::int64_t>> byDay;
  for (const auto& r : rows->rows) {
    services.insert(r.text(0));
    byDay[r.integer(1)][r.text(0)] += r.integer(2);
  }
  std::string out = "<table id=\"volume\"><thead><tr><th scope=\"col\">" + escape(t("quality.col.day")) + "</th>";
  for (const auto& s : services) out += "<th scope=\"col\" class=\"num\">" + escape(t.of("service", s)) + "</th>";
  out += "<th scope=\"col\" class=\"num\">" + escape(t("quality.col.total")) + "</th></tr></thead><tbody>";
  for (const auto& [day, counts] : byDay) {
    const year_month_day ymd{sys_days{days{day}}};
    out += "<tr><th scope=\"row\">" + escape(formatDay(t, ymd)) + "</th>";
    std::int64_t total = 0;
    for (const auto& s : services) {
      const auto it = counts.find(s);
      const auto n = it == counts.end() ? 0 : it->second;
      total += n;
      out += "<td class=\"num\">" + std::to_string(n) + "</td>";
    }
    out += "<td class=\"num\">" + std::to_string(total) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string periodForm(const Texts& t, const Period& p) {
  return "<form method=\"get\" action=\"/quality\" class=\"inline-form panel\"><div><label for=\"from\">" +
         escape(t("quality.from")) + "</label><input id=\"from\" name=\"from\" type=\"date\" value=\"" +
         api::isoDay(p.from) + "\"></div><div><label for=\"to\">" + escape(t("quality.to")) +
         "</label><input id=\"to\" name=\"to\" type=\"date\" value=\"" + api::isoDay(p.to) +
         "\"></div><button type=\"submit\">" + escape(t("quality.show")) + "</button></form>";
}

}  // namespace

WebResponse qualityPage(PageContext& page, store::Connection& c) {
  const auto& t = page.t;
  std::string problem;
  const Period period = periodOf(page, problem);
  std::map<std::string, LevelCounts> byService, byKiosk;
  std::string negative, complaintList, perDay;
  auto done = inAuditedTransaction(c, [&]() -> store::DbResult<store::Done> {
    auto services = countRatings(c, period, "a.service_id");
    if (!services) return services.error();
    byService = std::move(services.value());
    auto kiosks = countRatings(c, period, "r.kiosk_id");
    if (!kiosks) return kiosks.error();
    byKiosk = std::move(kiosks.value());
    auto reasons = negativeReasons(c, page, period);
    if (!reasons) return reasons.error();
    negative = std::move(reasons.value());
    auto listed = complaints(c, page, period);
    if (!listed) return listed.error();
    complaintList = std::move(listed.value());
    auto counted = volume(c, page, period);
    if (!counted) return counted.error();
    perDay = std::move(counted.value());
    return auditStaff(c, page.env.now(), *page.staff, "console.quality_viewed", "-",
                      api::isoDay(period.from) + ".." + api::isoDay(period.to));
  });
  if (!done) return storageTrouble(page, done.error(), "service quality");

  page.frame.title = t("quality.title");
  page.frame.activeNav = "quality";
  std::string body;
  if (!problem.empty()) body += notice("error", problem);
  body += periodForm(t, period);
  body += "<p class=\"lead\">" + escape(t("quality.period", {formatDay(t, period.from), formatDay(t, period.to)})) +
          "</p>";
  body += "<h2>" + escape(t("quality.by_service")) + "</h2>" +
          ratingsTable(t, "ratings-by-service", "quality.col.service", byService, true);
  body += "<h2>" + escape(t("quality.by_kiosk")) + "</h2>" +
          ratingsTable(t, "ratings-by-kiosk", "quality.col.kiosk", byKiosk, false);
  body += "<p class=\"hint\">" + escape(t("quality.satisfied_hint")) + "</p>";
  body += "<h2>" + escape(t("quality.negative")) + "</h2>" + negative;
  body += "<h2>" + escape(t("quality.complaints")) + "</h2>" + complaintList;
  body += "<h2>" + escape(t("quality.volume")) + "</h2>" + perDay;
  return htmlResponse(200, renderPage(t, page.frame, body));
}

}  // namespace onestop::central::web
