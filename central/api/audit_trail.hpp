#pragma once
// Appends to the hash-chained audit log inside the caller's transaction, so an action and
// its audit entry commit together or not at all.
#include <string>

#include "api/api_types.hpp"
#include "store/database.hpp"

namespace onestop::central::api {

struct AuditRecord {
  std::string actorKind;   ///< kiosk | staff | system | public
  std::string actorId;
  std::string action;      ///< e.g. "records.contributions.read", "filing.accepted"
  std::string subject;     ///< internal citizen id or acceptance number, never an ID number
  std::string detail;      ///< small, no personal data
};

/// The caller's id as the audit log can hold it (printable ASCII, at most 64 characters).
std::string auditableId(const std::string& id);

AuditRecord auditBy(const Caller& caller, std::string action, std::string subject, std::string detail = {});

/// Must be called inside a transaction (it reads the chain's head and appends).
store::DbResult<store::Done> appendAudit(store::Connection& c, std::int64_t now, const AuditRecord& record);

struct ChainReport {
  std::int64_t entries = 0;
  bool intact = true;
  std::int64_t brokenAtSeq = 0;
  std::string reason;
};
/// Reads the whole log in order and checks every link.
store::DbResult<ChainReport> verifyAuditChain(store::Connection& c);

}  // namespace onestop::central::api
