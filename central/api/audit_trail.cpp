#include "api/audit_trail.hpp"

#include "audit/audit_entry.hpp"
#include "audit/chain.hpp"

namespace onestop::central::api {
namespace {

audit::AuditEntry entryFrom(const store::Row& r) {
  audit::AuditEntry e;
  e.seq = r.integer(0);
  e.at = r.integer(1);
  e.actorKind = audit::actorKindFromName(r.text(2)).value_or(audit::ActorKind::System);
  e.actorId = r.text(3);
  e.action = r.text(4);
  e.subject = r.text(5);
  e.detail = r.text(6);
  e.prevHash = r.text(7);
  e.hash = r.text(8);
  return e;
}

constexpr const char* kColumns = "SELECT seq, at, actor_kind, actor_id, action, subject, detail, prev_hash, hash FROM audit_log ";

}  // namespace

// Certificate common names are chosen by the agency and may hold any UTF-8; the audit log
// takes printable ASCII only, so other bytes are percent-encoded (still unique, readable).
std::string auditableId(const std::string& id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : id) {
    if (ch > 0x20 && ch < 0x7F && ch != '%') out += static_cast<char>(ch);
    else out += {'%', kHex[ch >> 4], kHex[ch & 0xF]};
  }
  if (out.size() > 64) out = out.substr(0, 61) + "...";
  return out.empty() ? "-" : out;
}

AuditRecord auditBy(const Caller& caller, std::string action, std::string subject, std::string detail) {
  const char* kind = caller.kind == Caller::Kind::Kiosk ? "kiosk" : caller.kind == Caller::Kind::Staff ? "staff" : "public";
  return {kind, auditableId(caller.id), std::move(action), std::move(subject), std::move(detail)};
}

store::DbResult<store::Done> appendAudit(store::Connection& c, std::int64_t now, const AuditRecord& record) {
  audit::AuditEntry draft;
  draft.at = now;
  draft.actorKind = audit::actorKindFromName(record.actorKind).value_or(audit::ActorKind::System);
  draft.actorId = record.actorId;
  draft.action = record.action;
  draft.subject = record.subject;
  draft.detail = record.detail;
  // Entries are chained, so appends are serialised: on PostgreSQL by an advisory lock held
  // to the end of the transaction (SQLite's BEGIN IMMEDIATE already serialises writers).
  if (c.dialect() == store::Dialect::Postgres) {
    auto locked = c.query("SELECT pg_advisory_xact_lock(7243001)");
    if (!locked) return locked.error();
  }
  auto head = c.query(std::string(kColumns) + "ORDER BY seq DESC LIMIT 1");
  if (!head) return head.error();
  std::optional<audit::AuditEntry> previous;
  if (!head->empty()) previous = entryFrom(head.value()[0]);
  const auto entry = audit::chainAfter(previous ? &*previous : nullptr, std::move(draft));
  if (auto problem = audit::checkEntry(entry))
    return store::DbError{store::DbError::Kind::Other, "audit entry refused: " + *problem};
  auto r = c.execute(
      "INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, subject, detail, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {entry.seq, entry.at, std::string(audit::actorKindName(entry.actorKind)), entry.actorId, entry.action,
       entry.subject, entry.detail, entry.prevHash, entry.hash});
  if (!r) return r.error();
  return store::Done{};
}

store::DbResult<ChainReport> verifyAuditChain(store::Connection& c) {
  audit::ChainVerifier verifier;
  ChainReport report;
  // Page through the log so a long one never sits in memory at once.
  std::int64_t after = 0;
  for (;;) {
    auto page = c.query(std::string(kColumns) + "WHERE seq > ? ORDER BY seq LIMIT 1000", {after});
    if (!page) return page.error();
    if (page->empty()) break;
    for (const auto& row : page->rows) {
      const auto entry = entryFrom(row);
      after = entry.seq;
      ++report.entries;
      if (!verifier.add(entry)) break;
    }
    if (!verifier.finish().ok) break;
  }
  const auto check = verifier.finish();
  report.intact = check.ok;
  report.brokenAtSeq = check.seq;
  report.reason = check.ok ? "" : std::string(audit::chainBreakName(check.reason)) + ": " + check.message;
  return report;
}

}  // namespace onestop::central::api
