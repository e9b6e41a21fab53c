#pragma once
// The back office's state machine for filings, shared by the staff transition endpoint
// (POST /v1/staff/applications/{n}/transitions) and the staff console:
//
//   accepted → in_review → approved → completed          (change applied on completed)
//                        ↘ rejected
//   two-level review (sensitive changes, e.g. the bank account benefits are paid to):
//   accepted → in_review → first_review_done → approved → completed
//                        ↘ rejected          ↘ rejected
//
// The final approval of a two-level filing must come from someone other than the reviewer
// who did the first review. Every move is conditional on the state it was read in, so two
// staff acting at once cannot both succeed.
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace onestop::central::api {

/// Filings whose approval needs two different reviewers (hall rule: 二级复核 for changes
/// that affect benefits).
bool needsSecondReview(std::string_view service);

/// Whether `from` → `to` is a step of the machine above for `service`.
bool isAllowedTransition(std::string_view service, std::string_view from, std::string_view to);

enum class MoveOutcome {
  Moved,
  UnknownFiling,   ///< no application with this acceptance number
  NotAllowed,      ///< not a step from the current state (see MoveResult::from)
  SameReviewer,    ///< final approval by the reviewer who did the first review
  MovedMeanwhile,  ///< someone else moved it between the read and the write
};

struct MoveResult {
  MoveOutcome outcome = MoveOutcome::Moved;
  std::string from;     ///< the state it was in
  std::string service;
  std::string citizenId;
};

/// Moves filing `number` to `to` as `actor`, with `note` as the reason the citizen reads,
/// inside the caller's transaction (the caller audits and commits). On `completed` the
/// filed change (phone, address, bank account) is applied to the citizen's record.
store::DbResult<MoveResult> moveFiling(store::Connection& c, const std::string& number, const std::string& to,
                                       const std::string& actor, const std::string& note, std::int64_t now);

/// Who did the first review of a two-level filing ("" when nobody has).
store::DbResult<std::string> firstReviewerOf(store::Connection& c, const std::string& number);

}  // namespace onestop::central::api
