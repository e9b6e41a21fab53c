#include "api/filing_review.hpp"

#include <nlohmann/json.hpp>

#include "api/applications.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

// The approved change, applied to the record on completion.
store::DbResult<store::Done> applyChange(store::Connection& c, const std::string& citizenId,
                                         const std::string& service, const json& details) {
  if (!details.is_object()) return store::DbError{store::DbError::Kind::Other, "stored filing details unreadable"};
  store::DbResult<std::int64_t> r = std::int64_t{0};
  if (service == "change_phone")
    r = c.execute("UPDATE citizens SET phone = ? WHERE id = ?", {details.value("phone", ""), citizenId});
  else if (service == "change_address")
    r = c.execute("UPDATE citizens SET address = ? WHERE id = ?", {details.value("address", ""), citizenId});
  else if (service == "change_bank_account")
    r = c.execute("UPDATE citizens SET bank_account = ? WHERE id = ?", {details.value("accountNumber", ""), citizenId});
  if (!r) return r.error();
  return store::Done{};
}

}  // namespace

bool needsSecondReview(std::string_view service) { return service == "change_bank_account"; }

bool isAllowedTransition(std::string_view service, std::string_view from, std::string_view to) {
  const bool twoLevel = needsSecondReview(service);
  if (from == "accepted") return to == "in_review";
  if (from == "in_review") return to == "rejected" || to == (twoLevel ? "first_review_done" : "approved");
  if (from == "first_review_done") return twoLevel && (to == "approved" || to == "rejected");
  if (from == "approved") return to == "completed";
  return false;
}

store::DbResult<std::string> firstReviewerOf(store::Connection& c, const std::string& number) {
  auto rows = c.query(
      "SELECT actor FROM application_events WHERE acceptance_number = ? AND state = 'first_review_done' "
      "ORDER BY seq DESC LIMIT 1",
      {number});
  if (!rows) return rows.error();
  return rows->empty() ? std::string() : rows.value()[0].text(0);
}

store::DbResult<MoveResult> moveFiling(store::Connection& c, const std::string& number, const std::string& to,
                                       const std::string& actor, const std::string& note, std::int64_t now) {
  auto rows = c.query("SELECT state, citizen_id, service_id, details FROM applications WHERE acceptance_number = ?",
                      {number});
  if (!rows) return rows.error();
  if (rows->empty()) return MoveResult{MoveOutcome::UnknownFiling, "", "", ""};
  const auto& row = rows.value()[0];
  MoveResult result{MoveOutcome::Moved, row.text(0), row.text(2), row.text(1)};
  if (!isAllowedTransition(result.service, result.from, to)) {
    result.outcome = MoveOutcome::NotAllowed;
    return result;
  }
  if (result.from == "first_review_done" && to == "approved") {
    auto first = firstReviewerOf(c, number);
    if (!first) return first.error();
    if (first.value() == actor) {
      result.outcome = MoveOutcome::SameReviewer;
      return result;
    }
  }
  auto moved = recordTransition(c, number, result.from, to, actor, note, now);
  if (!moved) return moved.error();
  if (!moved.value()) {
    result.outcome = MoveOutcome::MovedMeanwhile;
    return result;
  }
  if (to == "completed") {
    auto applied = applyChange(c, result.citizenId, result.service, json::parse(row.text(3), nullptr, false));
    if (!applied) return applied.error();
  }
  return result;
}

}  // namespace onestop::central::api
