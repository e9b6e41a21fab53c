// GET /queue: filings waiting for the back office (accepted, in review, first review done),
// oldest first, with the time left against the promised due date in words and colour.
#include <nlohmann/json.hpp>

#include "api/clock.hpp"
#include "api/filing_review.hpp"
#include "core/masking.hpp"
#include "web/formatting.hpp"
#include "web/pages.hpp"
#include "web/staff_gate.hpp"
#include "web/time_left.hpp"

namespace onestop::central::web {
namespace {

constexpr int kShownAtMost = 200;

struct Waiting {
  std::string number, service, state, kiosk, maskedName, dueOn, firstReviewer;
  std::int64_t acceptedAt = 0;
};

std::string stateCell(const PageContext& page, const Waiting& w) {
  std::string cell = escape(page.t.of("state", w.state));
  if (w.state == "first_review_done") {
    const bool mine = w.firstReviewer == page.staff->login;
    cell += "<br><span class=\"muted\">" + escape(page.t(mine ? "queue.needs_other_reviewer" : "queue.needs_second")) +
            "</span>";
  } else if (api::needsSecondReview(w.service)) {
    cell += "<br><span class=\"muted\">" + escape(page.t("queue.two_level")) + "</span>";
  }
  return cell;
}

std::string table(const PageContext& page, const std::vector<Waiting>& waiting) {
  const auto& t = page.t;
  const int offset = page.env.options.utcOffsetMinutes;
  const auto today = api::localDay(page.env.now(), offset);
  std::string out = "<table id=\"queue\"><thead><tr>";
  for (const char* key : {"queue.col.number", "queue.col.service", "queue.col.citizen", "queue.col.accepted",
                          "queue.col.due", "queue.col.left", "queue.col.state"})
    out += "<th scope=\"col\">" + escape(t(key)) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& w : waiting) {
    const auto due = api::parseIsoDay(w.dueOn);
    const auto left = due ? timeLeft(today, *due) : TimeLeft{};
    const auto rowClass = timeLeftRowClass(left);
    out += "<tr data-number=\"" + escape(w.number) + "\"" +
           (rowClass.empty() ? std::string() : " class=\"" + std::string(rowClass) + "\"") + ">";
    out += "<td><a href=\"/filings/" + escape(w.number) + "\">" + escape(w.number) + "</a></td>";
    out += "<td>" + escape(t.of("service", w.service)) + "</td>";
    out += "<td>" + escape(w.maskedName) + "</td>";
    out += "<td>" + escape(formatDateTime(t, w.acceptedAt, offset)) + "<br><span class=\"muted nowrap\">" + escape(w.kiosk) +
           "</span></td>";
    out += "<td>" + escape(due ? formatDay(t, *due) : w.dueOn) + "</td>";
    out += "<td>" + (due ? timeLeftBadge(t, left) : std::string()) + "</td>";
    out += "<td>" + stateCell(page, w) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

}  // namespace

WebResponse queuePage(PageContext& page, store::Connection& c) {
  std::vector<Waiting> waiting;
  std::int64_t total = 0;
  auto done = inAuditedTransaction(c, [&]() -> store::DbResult<store::Done> {
    auto counted = c.query(
        "SELECT COUNT(*) FROM applications WHERE state IN ('accepted', 'in_review', 'first_review_done')");
    if (!counted) return counted.error();
    total = counted->empty() ? 0 : counted.value()[0].integer(0);
    auto rows = c.query(
        "SELECT a.acceptance_number, a.service_id, a.state, a.kiosk_id, c.name, a.due_on, a.accepted_at, "
        "(SELECT e.actor FROM application_events e WHERE e.acceptance_number = a.acceptance_number "
        " AND e.state = 'first_review_done' ORDER BY e.seq DESC LIMIT 1) "
        "FROM applications a JOIN citizens c ON c.id = a.citizen_id "
        "WHERE a.state IN ('accepted', 'in_review', 'first_review_done') "
        "ORDER BY a.accepted_at, a.acceptance_number LIMIT " + std::to_string(kShownAtMost));
    if (!rows) return rows.error();
    for (const auto& r : rows->rows)
      waiting.push_back({r.text(0), r.text(1), r.text(2), r.text(3), core::maskName(r.text(4)), r.text(5), r.text(7),
                         r.integer(6)});
    return auditStaff(c, page.env.now(), *page.staff, "console.queue_viewed", "-",
                      std::to_string(waiting.size()) + " shown");
  });
  if (!done) return storageTrouble(page, done.error(), "review queue");

  const auto& t = page.t;
  page.frame.title = t("queue.title");
  page.frame.activeNav = "queue";
  std::string body = "<p class=\"lead\" id=\"queue-count\">" + escape(t("queue.count", {std::to_string(total)})) + "</p>";
  if (waiting.empty()) {
    body += notice("ok", t("queue.empty"));
  } else {
    body += table(page, waiting);
    if (total > kShownAtMost) body += notice("info", t("queue.more", {std::to_string(kShownAtMost)}));
  }
  body += "<p class=\"hint\">" + escape(t("queue.hint")) + "</p>";
  return htmlResponse(200, renderPage(t, page.frame, body));
}

}  // namespace onestop::central::web
