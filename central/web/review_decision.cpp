// POST /filings/{acceptanceNumber}/decision: approve or reject, as the reviewer saw it.
// The form carries the state the page showed; if the filing has moved since, nothing is
// done. Every step (accepted → in_review → …) is recorded and audited in one transaction,
// so a decision is taken whole or not at all. Approving a one-level filing completes it
// (the change is applied to the record); a two-level filing goes to first_review_done, and
// a different reviewer's approval completes it.
#include <vector>

#include "api/acceptance_number.hpp"
#include "api/filing_review.hpp"
#include "core/utf8.hpp"
#include "web/pages.hpp"
#include "web/staff_gate.hpp"

namespace onestop::central::web {
namespace {

constexpr std::size_t kMaxReasonChars = 200;

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// The states a decision walks through from `state`; empty when it cannot be taken.
std::vector<std::string> stepsFor(const std::string& action, const std::string& service, const std::string& state) {
  std::vector<std::string> steps;
  const bool waiting = state == "accepted" || state == "in_review";
  if (state == "accepted") steps.push_back("in_review");
  if (action == "reject" && (waiting || state == "first_review_done")) {
    steps.push_back("rejected");
  } else if (action == "approve" && api::needsSecondReview(service)) {
    if (waiting) steps.push_back("first_review_done");
    else if (state == "first_review_done") steps.insert(steps.end(), {"approved", "completed"});
  } else if (action == "approve" && waiting) {
    steps.insert(steps.end(), {"approved", "completed"});
  }
  if (steps.empty() || steps.back() == "in_review") steps.clear();
  return steps;
}

enum class Refused { None, Unknown, Changed, SameReviewer };

}  // namespace

WebResponse reviewDecision(PageContext& page, store::Connection& c, const std::string& number) {
  if (!api::isWellFormedAcceptanceNumber(number))
    return messagePage(page, 404, "review.unknown.title", "review.unknown.text");
  const auto& request = page.request;
  const auto action = request.formValue("action");
  const auto seen = request.formValue("state");
  const auto reason = trimmed(request.formValue("reason"));
  if (action != "approve" && action != "reject")
    return messagePage(page, 400, "error.bad_form.title", "error.bad_form.text");
  if (action == "reject" && reason.empty())
    return messagePage(page, 400, "review.reason_missing.title", "review.reason_missing.text", "/filings/" + number);
  if (core::decodeUtf8(reason).size() > kMaxReasonChars)
    return messagePage(page, 400, "review.reason_long.title", "review.reason_long.text", "/filings/" + number);

  const auto now = page.env.now();
  Refused refused = Refused::None;
  std::string reached;
  auto done = [&]() -> store::DbResult<store::Done> {
    store::Transaction tx(c);
    if (!tx.started()) return tx.started().error();
    auto rows = c.query("SELECT state, service_id FROM applications WHERE acceptance_number = ?", {number});
    if (!rows) return rows.error();
    if (rows->empty()) {
      refused = Refused::Unknown;
      return store::Done{};
    }
    const auto state = rows.value()[0].text(0);
    const auto steps = stepsFor(action, rows.value()[0].text(1), state);
    if (state != seen || steps.empty()) {
      refused = Refused::Changed;
      return store::Done{};
    }
    for (const auto& to : steps) {
      auto moved = api::moveFiling(c, number, to, page.staff->login, to == "rejected" ? reason : "", now);
      if (!moved) return moved.error();
      if (moved->outcome != api::MoveOutcome::Moved) {
        refused = moved->outcome == api::MoveOutcome::SameReviewer ? Refused::SameReviewer : Refused::Changed;
        return store::Done{};  // rolled back: nothing of the decision stays
      }
      auto audited = auditStaff(c, now, *page.staff, "filing." + to, number);
      if (!audited) return audited.error();
    }
    reached = steps.back();
    return tx.commit();
  }();
  if (!done) return storageTrouble(page, done.error(), "review decision");
  const std::string back = "/filings/" + number;
  switch (refused) {
    case Refused::Unknown: return messagePage(page, 404, "review.unknown.title", "review.unknown.text");
    case Refused::Changed: return messagePage(page, 409, "review.changed.title", "review.changed.text", back);
    case Refused::SameReviewer:
      return messagePage(page, 409, "review.same_reviewer.title", "review.same_reviewer.text", back);
    case Refused::None: break;
  }
  return redirectTo("/filings/" + number + "?done=" + reached);
}

}  // namespace onestop::central::web
