#pragma once
// The satisfaction rating after a transaction (service rules: 好差评 after every transaction
// with an acceptance number): five levels; a dissatisfied one (1 or 2) asks what went wrong
// — one or more plain reasons, and a few words of their own if they like — before it is
// kept. Skippable: "Finish" simply leaves.
#include <cstdint>
#include <string>
#include <string_view>
#include <cstddef>

namespace onestop::core {

enum class RatingReason : std::uint8_t { LongWait, HardToUse, WrongRecord, DeviceFault, NotDone, Other };
inline constexpr int kRatingReasons = 6;
std::string_view ratingReasonKey(RatingReason r);   ///< i18n "rating.reason.<name>"
/// A dissatisfied rating needs a reason (the server refuses levels 1–2 without one).
inline bool needsReason(int level) { return level >= 1 && level <= 2; }

struct RatingFlow {
  enum class Phase {
    Asking,         ///< five levels offered
    Reason,         ///< 1 or 2 chosen: what went wrong?
    Comment,        ///< …in their own words (optional), on the on-screen keyboard
    Saving,         ///< being committed to the outbox
    Saved,          ///< kept, sent
    SavedOffline,   ///< kept, sent when the link is back
    Failed,         ///< could not be kept
  };
  std::uint64_t request = 0;           ///< its own request number (answers match it)
  std::string acceptanceNumber, serviceId;
  Phase phase = Phase::Asking;
  int level = 0;                       ///< 5 非常满意 … 1 非常不满意
  std::uint32_t reasons = 0;           ///< bit i = RatingReason i
  std::string comment;                 ///< optional, typed: personal data, zeroed when the flow goes
  static constexpr std::size_t kMaxCommentChars = 100;   ///< the server takes 200 with the reasons

  RatingFlow() = default;
  RatingFlow(const RatingFlow&) = default;
  RatingFlow& operator=(const RatingFlow&) = default;
  ~RatingFlow();
  bool has(RatingReason r) const { return (reasons >> static_cast<int>(r)) & 1u; }
  /// A reason chosen, or a comment of at least two characters: enough to keep it.
  bool hasReason() const;
  /// The keyboard's result while Comment.
  void type(std::string_view committed, int deleteLast);
  std::size_t commentChars() const;
};

}  // namespace onestop::core
