#include "core/rating_flow.hpp"

#include "core/i18n_key.hpp"

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

}  // namespace onestop::core
