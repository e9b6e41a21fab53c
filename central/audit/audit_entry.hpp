#pragma once
// One audit-log entry and its place in the hash chain. Every read of personal data and
// every state change is one entry; each entry's hash covers its fields and the previous
// entry's hash, so an edit, a deletion or a reordering shows up in verifyChain (chain.hpp).
//
// Canonical form (the bytes hashed with SHA-256, hash = 64 lowercase hex digits):
//   "onestop-audit-v1\n" then, in this order, one line per field
//   <field> ':' <decimal byte length of value> ':' <value> '\n'
//   for seq, at, actorKind, actorId, action, subject, detail, prevHash
//   (seq and at as decimals, actorKind as its name).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onestop::central::audit {

using Timestamp = std::int64_t;  ///< epoch seconds (UTC)

enum class ActorKind { Kiosk, Staff, System, Public };

/// "kiosk" | "staff" | "system" | "public"
std::string_view actorKindName(ActorKind kind);
std::optional<ActorKind> actorKindFromName(std::string_view name);

struct AuditEntry {
  std::int64_t seq = 0;   ///< 1, 2, 3 … with no gaps
  Timestamp at = 0;
  ActorKind actorKind = ActorKind::System;
  std::string actorId;    ///< kiosk id, staff account, service name
  std::string action;     ///< e.g. "records.read", "filing.accepted"
  std::string subject;    ///< an internal reference (citizen id, acceptance number); never
                          ///< an ID number, a name or a phone number
  std::string detail;     ///< small JSON or text
  std::string prevHash;   ///< hash of the entry before (genesisHash() for seq 1)
  std::string hash;       ///< computeHash(*this, prevHash)

  bool operator==(const AuditEntry&) const = default;
};

/// The prevHash of the first entry: 64 zeros.
std::string genesisHash();

std::string canonicalEntry(const AuditEntry& entry, std::string_view prevHash);
/// SHA-256 of canonicalEntry, lowercase hex. Ignores entry.prevHash and entry.hash.
std::string computeHash(const AuditEntry& entry, std::string_view prevHash);

/// Makes `draft` the entry after `previous` (null: the first entry of the log): sets seq,
/// prevHash and hash; keeps the other fields.
AuditEntry chainAfter(const AuditEntry* previous, AuditEntry draft);

/// The first problem that should keep `entry` out of the log, or nothing: action is
/// "area.verb" of [a-z0-9_.], actorId and subject are short printable ASCII, detail is at
/// most 4 KiB, and neither subject nor detail holds a run of digits shaped like a resident
/// ID number (15 or 18 characters) or a mobile phone number (11 digits starting with 1).
std::optional<std::string> checkEntry(const AuditEntry& entry);

}  // namespace onestop::central::audit
