// GET /filings/{acceptanceNumber}: one filing for review — who filed it, the record's
// current values against the requested ones, its history — and the approve / reject forms
// (two-level review: first approval, then final approval by a different reviewer).
// Opening it is a read of personal data, so it is audited before anything is shown.
#include <nlohmann/json.hpp>

#include "api/acceptance_number.hpp"
#include "api/clock.hpp"
#include "api/filing_review.hpp"
#include "core/masking.hpp"
#include "web/formatting.hpp"
#include "web/pages.hpp"
#include "web/staff_gate.hpp"
#include "web/time_left.hpp"

namespace onestop::central::web {
namespace {

using nlohmann::json;

struct Filing {
  std::string service, state, reason, kiosk, dueOn, citizenId, name, idNumber, phone, address, bankAccount;
  std::int64_t acceptedAt = 0;
  json details;
};

struct Event {
  std::int64_t at = 0;
  std::string state, actor, note, actorName;
};

struct Change {
  std::string fieldKey, current, requested;
};

std::vector<Change> changesOf(const Filing& f) {
  const auto text = [&](const char* name) { return f.details.is_object() ? f.details.value(name, "") : ""; };
  if (f.service == "change_phone") return {{"field.phone", f.phone, text("phone")}};
  if (f.service == "change_address") return {{"field.address", f.address, text("address")}};
  if (f.service == "change_bank_account")
    return {{"field.bank_name", "", text("bankName")}, {"field.bank_account", f.bankAccount, text("accountNumber")}};
  if (f.service == "flexible_employment") {
    const auto base = f.details.is_object() ? f.details.value("baseFen", std::int64_t{0}) : 0;
    return {{"field.start_month", "", text("startMonth")}, {"field.base", "", formatYuan(base)}};
  }
  return {};
}

std::string factsBlock(const PageContext& page, const std::string& number, const Filing& f) {
  const auto& t = page.t;
  const int offset = page.env.options.utcOffsetMinutes;
  auto row = [](const std::string& label, const std::string& valueHtml) {
    return "<dt>" + escape(label) + "</dt><dd>" + valueHtml + "</dd>";
  };
  std::string out = "<dl class=\"facts\" id=\"filing-facts\">";
  out += row(t("review.number"), escape(number));
  out += row(t("review.service"), escape(t.of("service", f.service)));
  out += row(t("review.state"), "<span id=\"filing-state\" data-state=\"" + escape(f.state) + "\">" +
                                    escape(t.of("state", f.state)) + "</span>");
  out += row(t("review.accepted"), escape(formatDateTime(t, f.acceptedAt, offset) + " · " + f.kiosk));
  const auto due = api::parseIsoDay(f.dueOn);
  std::string dueHtml = escape(due ? formatDay(t, *due) : f.dueOn);
  const bool waiting = f.state == "accepted" || f.state == "in_review" || f.state == "first_review_done";
  if (due && waiting) dueHtml += " " + timeLeftBadge(t, timeLeft(api::localDay(page.env.now(), offset), *due));
  out += row(t("review.due"), dueHtml);
  out += row(t("review.citizen"), escape(f.name) + " <span class=\"muted\">(" + escape(f.citizenId) + ")</span>");
  out += row(t("review.id_number"), escape(core::maskIdNumber(f.idNumber)));
  if (!f.reason.empty()) out += row(t("review.reason_given"), escape(f.reason));
  return out + "</dl>";
}

std::string changesBlock(const PageContext& page, const Filing& f) {
  const auto& t = page.t;
  const auto changes = changesOf(f);
  std::string out = "<h2>" + escape(t("review.changes")) + "</h2>";
  if (changes.empty()) return out + "<p>" + escape(t("review.no_changes")) + "</p>";
  out += "<table class=\"change\" id=\"changes\"><thead><tr><th scope=\"col\">" + escape(t("review.col.field")) +
         "</th><th scope=\"col\">" + escape(t("review.col.current")) + "</th><th scope=\"col\">" +
         escape(t("review.col.requested")) + "</th></tr></thead><tbody>";
  for (const auto& c : changes)
    out += "<tr><th scope=\"row\">" + escape(t(c.fieldKey)) + "</th><td>" +
           escape(c.current.empty() ? t("review.none") : c.current) + "</td><td class=\"new\">" + escape(c.requested) +
           "</td></tr>";
  return out + "</tbody></table>";
}

std::string historyBlock(const PageContext& page, const std::vector<Event>& events) {
  const auto& t = page.t;
  std::string out = "<h2>" + escape(t("review.history")) + "</h2><table id=\"history\"><thead><tr>";
  for (const char* key : {"review.col.time", "review.col.state", "review.col.actor", "review.col.note"})
    out += "<th scope=\"col\">" + escape(t(key)) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& e : events) {
    const auto who = e.actorName.empty() ? e.actor : e.actorName + " (" + e.actor + ")";
    out += "<tr><td>" + escape(formatDateTime(t, e.at, page.env.options.utcOffsetMinutes)) + "</td><td>" +
           escape(t.of("state", e.state)) + "</td><td>" + escape(who) + "</td><td>" + escape(e.note) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string decisionForm(const PageContext& page, const std::string& number, const Filing& f,
                         const std::string& action, const std::string& buttonKey, const std::string& extra) {
  std::string out = "<form method=\"post\" action=\"/filings/" + escape(number) + "/decision\" id=\"" + action +
                    "-form\">" + csrfField(page.staff->csrfToken) +
                    "<input type=\"hidden\" name=\"action\" value=\"" + action + "\">" +
                    "<input type=\"hidden\" name=\"state\" value=\"" + escape(f.state) + "\">" + extra;
  const bool reject = action == "reject";
  out += "<button type=\"submit\" id=\"" + action + "-button\"" + (reject ? " class=\"danger\"" : "") + ">" +
         escape(page.t(buttonKey)) + "</button></form>";
  return out;
}

std::string actionsBlock(const PageContext& page, const std::string& number, const Filing& f,
                         const std::string& firstReviewer, const std::string& firstReviewerShown) {
  const auto& t = page.t;
  const bool waiting = f.state == "accepted" || f.state == "in_review" || f.state == "first_review_done";
  if (!waiting) return notice("info", t("review.closed", {t.of("state", f.state)}));
  const bool twoLevel = api::needsSecondReview(f.service);
  std::string out = "<h2>" + escape(t("review.decide")) + "</h2><div class=\"columns\"><section class=\"panel\">";
  if (twoLevel && f.state != "first_review_done") {
    out += "<p>" + escape(t("review.two_level_hint")) + "</p>";
    out += decisionForm(page, number, f, "approve", "review.first_approve", "");
  } else if (twoLevel && firstReviewer == page.staff->login) {
    out += notice("info", t("review.you_did_first"));
  } else if (twoLevel) {
    out += "<p>" + escape(t("review.first_done_by", {firstReviewerShown})) + "</p>";
    out += decisionForm(page, number, f, "approve", "review.final_approve", "");
  } else {
    out += "<p>" + escape(t("review.approve_hint")) + "</p>";
    out += decisionForm(page, number, f, "approve", "review.approve", "");
  }
  out += "</section><section class=\"panel\">";
  const std::string reason = "<label for=\"reason\">" + escape(t("review.reason_label")) +
                             "</label><p class=\"hint\" id=\"reason-hint\">" + escape(t("review.reason_hint")) +
                             "</p><textarea id=\"reason\" name=\"reason\" maxlength=\"200\" required "
                             "aria-describedby=\"reason-hint\"></textarea>";
  out += decisionForm(page, number, f, "reject", "review.reject", reason);
  return out + "</section></div>";
}

}  // namespace

WebResponse filingPage(PageContext& page, store::Connection& c, const std::string& number) {
  if (!api::isWellFormedAcceptanceNumber(number))
    return messagePage(page, 404, "review.unknown.title", "review.unknown.text");
  Filing f;
  std::vector<Event> events;
  bool found = false;
  std::string firstReviewer;
  auto done = inAuditedTransaction(c, [&]() -> store::DbResult<store::Done> {
    auto rows = c.query(
        "SELECT a.service_id, a.state, a.reason, a.kiosk_id, a.due_on, a.citizen_id, c.name, c.id_number, c.phone, "
        "c.address, c.bank_account, a.accepted_at, a.details FROM applications a "
        "JOIN citizens c ON c.id = a.citizen_id WHERE a.acceptance_number = ?",
        {number});
    if (!rows) return rows.error();
    if (rows->empty()) return store::Done{};
    found = true;
    const auto& r = rows.value()[0];
    f = {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8),
         r.text(9), r.text(10), r.integer(11), json::parse(r.text(12), nullptr, false)};
    auto history = c.query(
        "SELECT e.at, e.state, e.actor, e.note, s.display_name FROM application_events e "
        "LEFT JOIN staff_accounts s ON s.login = e.actor WHERE e.acceptance_number = ? ORDER BY e.seq",
        {number});
    if (!history) return history.error();
    for (const auto& e : history->rows) events.push_back({e.integer(0), e.text(1), e.text(2), e.text(3), e.text(4)});
    auto first = api::firstReviewerOf(c, number);
    if (!first) return first.error();
    firstReviewer = first.value();
    return auditStaff(c, page.env.now(), *page.staff, "filing.viewed", number, "citizen " + f.citizenId);
  });
  if (!done) return storageTrouble(page, done.error(), "filing");
  if (!found) return messagePage(page, 404, "review.unknown.title", "review.unknown.text");

  const auto& t = page.t;
  page.frame.title = t("review.title", {t.of("service", f.service)});
  page.frame.activeNav = "queue";
  std::string body;
  const auto outcome = page.request.queryValue("done");
  if (outcome == "approved" || outcome == "completed" || outcome == "rejected" || outcome == "first_review_done")
    body += notice("ok", t.of("review.done", outcome));
  body += factsBlock(page, number, f);
  body += changesBlock(page, f);
  std::string firstReviewerShown = firstReviewer;
  for (const auto& e : events)
    if (e.state == "first_review_done" && e.actor == firstReviewer && !e.actorName.empty()) firstReviewerShown = e.actorName;
  body += actionsBlock(page, number, f, firstReviewer, firstReviewerShown);
  body += historyBlock(page, events);
  body += "<p><a href=\"/queue\">" + escape(t("review.back")) + "</a></p>";
  return htmlResponse(200, renderPage(t, page.frame, body));
}

}  // namespace onestop::central::web
