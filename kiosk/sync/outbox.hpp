#pragma once
// The durable outbox: filings, ratings, complaints and telemetry the server has not
// acknowledged yet. SQLite (WAL, synchronous=FULL): enqueue() returns only once the item
// is on disk, so a receipt printed after it never promises something that can be lost.
// Request bodies and headers are personal data: they are sealed with libsodium secretbox
// (key file, owner-only) and the row is deleted (secure_delete) once acknowledged.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "sync/backoff.hpp"
#include "sync/http_types.hpp"

struct sqlite3;

namespace onestop::sync {

struct OutboxItem {
  std::int64_t id = 0;
  std::string kind;             ///< "filing", "rating", "complaint", "telemetry"
  std::string idempotencyKey;   ///< fixed before the first attempt, sent on every attempt
  std::string citizenRef;       ///< opaque ordering key: one citizen's items go out in order
  HttpRequest request;          ///< decrypted
  int attempts = 0;
  std::int64_t createdAt = 0;
  bool flagged = false;         ///< failing for long: an operator should look
};

struct OutboxPolicy {
  Backoff backoff;
  int flagAfterAttempts = 20;           ///< …or
  std::int64_t flagAfterSeconds = 24 * 3600;   ///< whichever comes first
};

class Outbox {
 public:
  /// The start of an enqueue error caused by a full disk (see isDiskFull).
  static constexpr const char* kDiskFull = "outbox disk full";
  static bool isDiskFull(const std::string& errorMessage) { return errorMessage.rfind(kDiskFull, 0) == 0; }

  /// Opens (creating) the database at `path`, sealing with the key in `keyFile` (32 bytes,
  /// created 0600 when missing; refused when group or others may read it).
  static core::Result<std::unique_ptr<Outbox>> open(const std::string& path, const std::string& keyFile,
                                                    OutboxPolicy policy = {});
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  /// Stores the request with a new Idempotency-Key (added to its headers); returns the
  /// stored item once committed. When the disk (or the database's size limit) is full the
  /// error message starts with kDiskFull: the kiosk can say so plainly, and the items
  /// already queued are untouched.
  core::Result<OutboxItem> enqueue(const std::string& kind, const std::string& citizenRef, HttpRequest request,
                                   std::int64_t now);
  /// Items due at `now`: only each citizen's oldest, at most `max`.
  core::Result<std::vector<OutboxItem>> due(std::int64_t now, std::size_t max);
  /// The server acknowledged it (a 2xx, or a final 4xx recorded by the caller): gone.
  core::Result<bool> remove(std::int64_t id);
  /// Not delivered: schedule the next attempt (Retry-After wins when larger) and flag it
  /// when it has failed for long. Never drops it.
  core::Result<bool> retryLater(std::int64_t id, std::int64_t now, int retryAfterSeconds, const std::string& why);

  /// The server refused it for good: keep it, flagged for an operator, and stop retrying
  /// for a day (an operator may resolve or resend it).
  core::Result<bool> flag(std::int64_t id, std::int64_t now, const std::string& why);

  struct Counts {
    std::int64_t pending = 0, flagged = 0;
  };
  core::Result<Counts> counts();
  /// PRAGMA integrity_check == "ok".
  bool intact();

 private:
  Outbox() = default;
  sqlite3* db_ = nullptr;
  std::string key_;   // 32 bytes, wiped on destruction
  OutboxPolicy policy_;
};

}  // namespace onestop::sync
