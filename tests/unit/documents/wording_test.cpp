// Wording the agency's staff read: a dissatisfied rating's reasons and the citizen's words.
#include <doctest/doctest.h>

#include "core/rating_flow.hpp"
#include "documents/wording.hpp"

using namespace onestop::documents;
using onestop::core::RatingReason;

namespace {
std::uint32_t bit(RatingReason r) { return 1u << static_cast<int>(r); }
}  // namespace

TEST_CASE("a rating's reasons and the citizen's own words read as one plain line") {
  CHECK(ratingReasonText(0, "").empty());
  CHECK(ratingReasonText(bit(RatingReason::LongWait), "") == "等候时间长");
  CHECK(ratingReasonText(bit(RatingReason::LongWait) | bit(RatingReason::Other), "") == "等候时间长、其他");
  CHECK(ratingReasonText(bit(RatingReason::HardToUse), "打印太慢") == "操作复杂、看不懂；留言：打印太慢");
  CHECK(ratingReasonText(0, "打印太慢") == "留言：打印太慢");
}
