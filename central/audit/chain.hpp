#pragma once
// Checking a stored audit log: each entry's hash must match its content, its prevHash
// must be the hash of the entry before, and seq must run 1, 2, 3 … without gaps.
//
// A chain alone cannot reveal that its newest entries were cut off, or that the whole
// log was rewritten and re-hashed from some point on. For that, keep a known head (the
// seq and hash of a recent entry) outside the table, e.g. in the operator's daily report,
// and pass it as `knownHead`.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "audit/audit_entry.hpp"

namespace onestop::central::audit {

enum class ChainBreak {
  None,
  EditedEntry,   ///< an entry's content no longer matches its own hash
  MissingEntry,  ///< a seq is absent: an entry was deleted
  OutOfOrder,    ///< a seq comes too early or twice: entries were reordered or copied
  BrokenLink,    ///< prevHash is not the previous entry's hash: an entry before was
                 ///< replaced (edited and re-hashed), or the chain was spliced
  Truncated,     ///< the chain ends before knownHead.seq
  Rewritten,     ///< the entry at knownHead.seq has another hash than was recorded
};

/// "none" | "edited_entry" | "missing_entry" | "out_of_order" | "broken_link" |
/// "truncated" | "rewritten"
std::string_view chainBreakName(ChainBreak reason);

/// The entry just before the first one checked: {0, genesisHash()} for a whole log.
struct ChainAnchor {
  std::int64_t seq = 0;
  std::string hash = genesisHash();
};

struct ChainCheck {
  bool ok = true;
  ChainBreak reason = ChainBreak::None;
  std::int64_t seq = 0;     ///< where the chain breaks (for MissingEntry: the absent seq)
  std::string message;      ///< for the operator
  std::size_t checked = 0;  ///< entries found good before the break
};

/// Checks entries in the order given (the table read ordered by seq).
ChainCheck verifyChain(std::span<const AuditEntry> entries, const ChainAnchor& start = {},
                       const std::optional<ChainAnchor>& knownHead = std::nullopt);

/// The same check, one entry at a time, for logs read page by page.
class ChainVerifier {
 public:
  explicit ChainVerifier(ChainAnchor start = {},
                         std::optional<ChainAnchor> knownHead = std::nullopt);

  /// Checks the next entry; false once the chain is broken (later entries are ignored).
  bool add(const AuditEntry& entry);
  /// The outcome: the first break, or Truncated when knownHead was never reached.
  ChainCheck finish() const;
  /// The last entry found good (the start anchor before any).
  const ChainAnchor& head() const { return head_; }

 private:
  bool fail(ChainBreak reason, std::int64_t seq, std::string message);

  ChainAnchor head_;
  std::optional<ChainAnchor> knownHead_;
  ChainCheck check_;
};

}  // namespace onestop::central::audit
