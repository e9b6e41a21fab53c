// GET /audit: the audit log, newest first, searched by acceptance number (or any subject),
// staff member or kiosk; ?verify=1 walks the whole hash chain and says whether it is intact
// (and where it breaks), with the head to note in the daily report.
#include <algorithm>
#include <cctype>

#include "api/audit_trail.hpp"
#include "web/formatting.hpp"
#include "web/pages.hpp"
#include "web/staff_gate.hpp"
#include "web/url_encoding.hpp"

namespace onestop::central::web {
namespace {

constexpr int kShownAtMost = 200;
constexpr std::size_t kMaxCriterion = 64;

struct Criteria {
  std::string subject, staff, kiosk;
  bool empty() const { return subject.empty() && staff.empty() && kiosk.empty(); }
};

// Audit log fields are printable ASCII without spaces; anything else cannot match.
bool usable(const std::string& s) {
  return s.size() <= kMaxCriterion &&
         std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  return s;
}

// What was searched for, as the audit log may hold it: an acceptance number as is, other
// long digit runs (someone typed an ID or phone number) withheld.
std::string forTheLog(const std::string& value) {
  const bool acceptanceNumber =
      value.size() == 16 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (acceptanceNumber) return value;
  std::size_t run = 0;
  for (char c : value) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= 11) return "(withheld)";
  }
  return value;
}

struct Entry {
  std::int64_t seq = 0, at = 0;
  std::string actorKind, actorId, action, subject, detail;
};

std::string searchForm(const Texts& t, const Criteria& c) {
  auto field = [&](const char* name, const char* labelKey, const std::string& value) {
    return "<div><label for=\"" + std::string(name) + "\">" + escape(t(labelKey)) + "</label><input id=\"" + name +
           "\" name=\"" + name + "\" type=\"text\" maxlength=\"64\" value=\"" + escape(value) + "\"></div>";
  };
  return "<form method=\"get\" action=\"/audit\" class=\"inline-form panel\" id=\"audit-search\">" +
         field("subject", "audit.subject", c.subject) + field("staff", "audit.staff", c.staff) +
         field("kiosk", "audit.kiosk", c.kiosk) + "<button type=\"submit\">" + escape(t("audit.search")) +
         "</button></form>";
}

std::string chainBlock(const PageContext& page, const std::optional<api::ChainReport>& report,
                       const std::string& verifyHref) {
  const auto& t = page.t;
  std::string out = "<section class=\"panel\" id=\"chain\"><h2>" + escape(t("audit.chain")) + "</h2>";
  if (!report) {
    out += "<p>" + escape(t("audit.chain_hint")) + "</p><p><a href=\"" + escape(verifyHref) + "\" id=\"verify-chain\">" +
           escape(t("audit.verify")) + "</a></p>";
  } else if (report->intact) {
    out += "<p class=\"chain-ok\" data-chain=\"intact\">" +
           escape(t("audit.intact", {std::to_string(report->entries)})) + "</p>";
  } else {
    out += "<p class=\"chain-bad\" data-chain=\"broken\">" +
           escape(t("audit.broken", {std::to_string(report->brokenAtSeq), report->reason})) + "</p>";
  }
  return out + "</section>";
}

std::string entriesTable(const PageContext& page, const std::vector<Entry>& entries) {
  const auto& t = page.t;
  if (entries.empty()) return notice("info", t("audit.none"));
  std::string out = "<table id=\"audit\"><thead><tr>";
  for (const char* key : {"audit.col.seq", "audit.col.time", "audit.col.actor", "audit.col.action",
                          "audit.col.subject", "audit.col.detail"})
    out += "<th scope=\"col\">" + escape(t(key)) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& e : entries)
    out += "<tr><td class=\"num\">" + std::to_string(e.seq) + "</td><td>" +
           escape(formatDateTime(t, e.at, page.env.options.utcOffsetMinutes)) + "</td><td>" +
           escape(t.of("actor_kind", e.actorKind)) + " " + escape(e.actorId) + "</td><td>" + escape(e.action) +
           "</td><td>" + escape(e.subject) + "</td><td>" + escape(e.detail) + "</td></tr>";
  return out + "</tbody></table>";
}

}  // namespace

WebResponse auditPage(PageContext& page, store::Connection& c) {
  const auto& t = page.t;
  const auto& q = page.request;
  Criteria criteria{trimmed(q.queryValue("subject")), trimmed(q.queryValue("staff")), trimmed(q.queryValue("kiosk"))};
  std::string problem;
  if (!usable(criteria.subject) || !usable(criteria.staff) || !usable(criteria.kiosk)) {
    problem = t("audit.bad_criteria");
    criteria = {};
  }
  const bool verify = q.queryValue("verify") == "1";

  std::vector<Entry> entries;
  std::optional<api::ChainReport> report;
  auto done = inAuditedTransaction(c, [&]() -> store::DbResult<store::Done> {
    std::string sql = "SELECT seq, at, actor_kind, actor_id, action, subject, detail FROM audit_log WHERE 1 = 1";
    std::vector<store::Value> params;
    if (!criteria.subject.empty()) {
      sql += " AND subject = ?";
      params.emplace_back(criteria.subject);
    }
    if (!criteria.staff.empty()) {
      sql += " AND actor_kind = 'staff' AND actor_id = ?";
      params.emplace_back(criteria.staff);
    }
    if (!criteria.kiosk.empty()) {
      sql += " AND actor_kind = 'kiosk' AND actor_id = ?";
      params.emplace_back(criteria.kiosk);
    }
    sql += " ORDER BY seq DESC LIMIT " + std::to_string(kShownAtMost);
    auto rows = c.query(sql, params);
    if (!rows) return rows.error();
    for (const auto& r : rows->rows)
      entries.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)});
    if (verify) {
      auto checked = api::verifyAuditChain(c);
      if (!checked) return checked.error();
      report = checked.value();
      auto logged = auditStaff(c, page.env.now(), *page.staff, "console.audit_verified", "-",
                               report->intact ? "intact " + std::to_string(report->entries)
                                              : "broken at " + std::to_string(report->brokenAtSeq));
      if (!logged) return logged.error();
    }
    std::string searched = criteria.empty() ? "latest" : "";
    if (!criteria.subject.empty()) searched += "subject=" + forTheLog(criteria.subject) + " ";
    if (!criteria.staff.empty()) searched += "staff=" + forTheLog(criteria.staff) + " ";
    if (!criteria.kiosk.empty()) searched += "kiosk=" + forTheLog(criteria.kiosk);
    return auditStaff(c, page.env.now(), *page.staff, "console.audit_searched", "-", searched);
  });
  if (!done) return storageTrouble(page, done.error(), "audit log");

  page.frame.title = t("audit.title");
  page.frame.activeNav = "audit";
  std::string verifyHref = "/audit?verify=1";
  if (!criteria.subject.empty()) verifyHref += "&subject=" + encodeComponent(criteria.subject);
  if (!criteria.staff.empty()) verifyHref += "&staff=" + encodeComponent(criteria.staff);
  if (!criteria.kiosk.empty()) verifyHref += "&kiosk=" + encodeComponent(criteria.kiosk);
  std::string body;
  if (!problem.empty()) body += notice("error", problem);
  body += chainBlock(page, report, verifyHref);
  body += searchForm(t, criteria);
  body += "<p class=\"lead\" id=\"audit-count\">" +
          escape(t(criteria.empty() ? "audit.latest" : "audit.found", {std::to_string(entries.size())})) + "</p>";
  body += entriesTable(page, entries);
  if (entries.size() == static_cast<std::size_t>(kShownAtMost))
    body += notice("info", t("audit.more", {std::to_string(kShownAtMost)}));
  return htmlResponse(200, renderPage(t, page.frame, body));
}

}  // namespace onestop::central::web
