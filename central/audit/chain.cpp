#include "audit/chain.hpp"

#include <algorithm>

namespace onestop::central::audit {

std::string_view chainBreakName(ChainBreak reason) {
  switch (reason) {
    case ChainBreak::None: return "none";
    case ChainBreak::EditedEntry: return "edited_entry";
    case ChainBreak::MissingEntry: return "missing_entry";
    case ChainBreak::OutOfOrder: return "out_of_order";
    case ChainBreak::BrokenLink: return "broken_link";
    case ChainBreak::Truncated: return "truncated";
    case ChainBreak::Rewritten: return "rewritten";
  }
  return "none";
}

ChainVerifier::ChainVerifier(ChainAnchor start, std::optional<ChainAnchor> knownHead)
    : head_(std::move(start)), knownHead_(std::move(knownHead)) {}

bool ChainVerifier::fail(ChainBreak reason, std::int64_t seq, std::string message) {
  check_.ok = false;
  check_.reason = reason;
  check_.seq = seq;
  check_.message = "audit chain breaks at seq " + std::to_string(seq) + ": " + std::move(message);
  return false;
}

bool ChainVerifier::add(const AuditEntry& entry) {
  if (!check_.ok) return false;
  const std::int64_t expected = head_.seq + 1;
  if (entry.seq > expected) {
    return fail(ChainBreak::MissingEntry, expected,
                "entry is missing (the next entry is seq " + std::to_string(entry.seq) + ")");
  }
  if (entry.seq < expected) {
    return fail(ChainBreak::OutOfOrder, entry.seq,
                "entry appears after seq " + std::to_string(head_.seq) + " (reordered or copied)");
  }
  if (computeHash(entry, entry.prevHash) != entry.hash) {
    return fail(ChainBreak::EditedEntry, entry.seq, "content does not match its hash (edited)");
  }
  if (entry.prevHash != head_.hash) {
    return fail(ChainBreak::BrokenLink, entry.seq,
                "prevHash is not the hash of seq " + std::to_string(head_.seq) +
                    " (an earlier entry was replaced, or the chain was spliced)");
  }
  if (knownHead_ && entry.seq == knownHead_->seq && entry.hash != knownHead_->hash) {
    return fail(ChainBreak::Rewritten, entry.seq,
                "hash differs from the recorded head (the log was rewritten)");
  }
  head_ = ChainAnchor{entry.seq, entry.hash};
  ++check_.checked;
  return true;
}

ChainCheck ChainVerifier::finish() const {
  if (check_.ok && knownHead_ && head_.seq < knownHead_->seq) {
    ChainCheck out = check_;
    out.ok = false;
    out.reason = ChainBreak::Truncated;
    out.seq = head_.seq + 1;
    out.message = "audit chain ends at seq " + std::to_string(head_.seq) +
                  " but a head at seq " + std::to_string(knownHead_->seq) +
                  " was recorded (entries were cut off)";
    return out;
  }
  return check_;
}

ChainCheck verifyChain(std::span<const AuditEntry> entries, const ChainAnchor& start,
                       const std::optional<ChainAnchor>& knownHead) {
  ChainVerifier verifier(start, knownHead);
  std::size_t i = 0;
  while (i < entries.size() && verifier.add(entries[i])) ++i;
  ChainCheck check = verifier.finish();
  // With the whole list at hand, a seq that seems missing but comes later was moved.
  if (check.reason == ChainBreak::MissingEntry) {
    const std::int64_t absent = check.seq;
    const bool later = std::any_of(entries.begin() + static_cast<std::ptrdiff_t>(i), entries.end(),
                                   [&](const AuditEntry& e) { return e.seq == absent; });
    if (later) {
      check.reason = ChainBreak::OutOfOrder;
      check.message = "audit chain breaks at seq " + std::to_string(absent) +
                      ": entry comes later than it should (reordered)";
    }
  }
  return check;
}

}  // namespace onestop::central::audit
