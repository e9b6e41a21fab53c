#include "core/rating_flow.hpp"

#include "core/i18n_key.hpp"
#include "core/secure_wipe.hpp"
#include "core/text_edit.hpp"
#include "core/utf8.hpp"

namespace onestop::core {

std::string_view ratingReasonKey(RatingReason r) {
  switch (r) {
    case RatingReason::LongWait: return "rating.reason.long_wait"_k;
    case RatingReason::HardToUse: return "rating.reason.hard_to_use"_k;
    case RatingReason::WrongRecord: return "rating.reason.wrong_record"_k;
    case RatingReason::DeviceFault: return "rating.reason.device_fault"_k;
    case RatingReason::NotDone: return "rating.reason.not_done"_k;
    case RatingReason::Other: return "rating.reason.other"_k;
  }
  return "rating.reason.other"_k;
}

RatingFlow::~RatingFlow() { secureWipe(comment); }

// Counted as the limit counts them (spaces too), so the counter and the limit agree.
std::size_t RatingFlow::commentChars() const { return decodeUtf8(comment).size(); }

bool RatingFlow::hasReason() const { return reasons != 0 || visibleChars(comment) >= 2; }

void RatingFlow::type(std::string_view committed, int deleteLast) {
  if (phase != Phase::Comment) return;
  applyTyping(comment, committed, deleteLast, kMaxCommentChars);
}

}  // namespace onestop::core
