#include "audit/audit_entry.hpp"

#include <sodium.h>

#include <algorithm>

namespace onestop::central::audit {
namespace {

constexpr std::size_t kMaxActorIdLength = 64;
constexpr std::size_t kMaxActionLength = 64;
constexpr std::size_t kMaxSubjectLength = 128;
constexpr std::size_t kMaxDetailBytes = 4096;

void appendField(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(":").append(std::to_string(value.size())).append(":");
  out.append(value).append("\n");
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isPrintableAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x21 && c <= 0x7E; });
}

// A maximal run of digits (an ID number may end in X) with the length of a resident ID
// number or a mobile phone number.
bool holdsIdOrPhoneDigits(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!isDigit(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && isDigit(text[end])) ++end;
    std::size_t length = end - i;
    if (length == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) ++length;
    const bool phone = length == 11 && text[i] == '1';
    if (phone || length == 15 || length == 18) return true;
    i = end;
  }
  return false;
}

}  // namespace

std::string_view actorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::Kiosk: return "kiosk";
    case ActorKind::Staff: return "staff";
    case ActorKind::System: return "system";
    case ActorKind::Public: return "public";
  }
  return "system";
}

std::optional<ActorKind> actorKindFromName(std::string_view name) {
  for (auto kind : {ActorKind::Kiosk, ActorKind::Staff, ActorKind::System, ActorKind::Public}) {
    if (actorKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string genesisHash() { return std::string(crypto_hash_sha256_BYTES * 2, '0'); }

std::string canonicalEntry(const AuditEntry& entry, std::string_view prevHash) {
  std::string out = "onestop-audit-v1\n";
  appendField(out, "seq", std::to_string(entry.seq));
  appendField(out, "at", std::to_string(entry.at));
  appendField(out, "actorKind", actorKindName(entry.actorKind));
  appendField(out, "actorId", entry.actorId);
  appendField(out, "action", entry.action);
  appendField(out, "subject", entry.subject);
  appendField(out, "detail", entry.detail);
  appendField(out, "prevHash", prevHash);
  return out;
}

std::string computeHash(const AuditEntry& entry, std::string_view prevHash) {
  // libsodium asks for sodium_init() before any other call; it is idempotent and
  // thread-safe, and SHA-256 needs nothing from it that can fail.
  [[maybe_unused]] static const int initialised = sodium_init();
  const std::string canonical = canonicalEntry(entry, prevHash);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()),
                     canonical.size());
  std::string hex(sizeof digest * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();  // the terminating NUL
  return hex;
}

AuditEntry chainAfter(const AuditEntry* previous, AuditEntry draft) {
  draft.seq = previous == nullptr ? 1 : previous->seq + 1;
  draft.prevHash = previous == nullptr ? genesisHash() : previous->hash;
  draft.hash = computeHash(draft, draft.prevHash);
  return draft;
}

std::optional<std::string> checkEntry(const AuditEntry& entry) {
  if (entry.seq < 1) return "seq must be 1 or more";
  if (entry.at < 0) return "at must be epoch seconds";
  if (entry.actorId.empty() || entry.actorId.size() > kMaxActorIdLength ||
      !isPrintableAscii(entry.actorId)) {
    return "actorId must be 1-64 printable ASCII characters";
  }
  const std::string_view action = entry.action;
  const bool actionChars = std::all_of(action.begin(), action.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || isDigit(c) || c == '_' || c == '.';
  });
  if (action.empty() || action.size() > kMaxActionLength || !actionChars ||
      action.find('.') == std::string_view::npos || action.front() == '.' ||
      action.back() == '.') {
    return "action must be \"area.verb\": 1-64 characters of [a-z0-9_.]";
  }
  if (entry.subject.size() > kMaxSubjectLength || !isPrintableAscii(entry.subject)) {
    return "subject must be at most 128 printable ASCII characters (an internal reference)";
  }
  if (entry.detail.size() > kMaxDetailBytes) return "detail is longer than 4096 bytes";
  if (holdsIdOrPhoneDigits(entry.subject)) {
    return "subject looks like an ID or phone number: log an internal reference instead";
  }
  if (holdsIdOrPhoneDigits(entry.detail)) {
    return "detail holds digits shaped like an ID or phone number: leave personal data out";
  }
  return std::nullopt;
}

}  // namespace onestop::central::audit
