// Schema migrations: numbered steps, each applied in its own transaction and recorded in
// schema_migrations. Several server instances may start at once; the database serializes
// them (SQLite: BEGIN IMMEDIATE takes the write lock; PostgreSQL: an advisory lock).
#include <algorithm>
#include <chrono>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace onestop::central::store {
namespace {

constexpr std::int64_t kMigrationLock = 0x6f6e6573746f70;  // "onestop": pg_advisory_xact_lock key
constexpr int kBusyAttempts = 20;  // each waits busyTimeoutMs for a migrator that holds the lock

const std::string& sqlFor(const Migration& m, Dialect dialect) {
  const std::string& own = dialect == Dialect::Postgres ? m.postgresSql : m.sqliteSql;
  return own.empty() ? m.sql : own;
}

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

DbError withContext(DbError e, const std::string& context) {
  e.message = context + ": " + e.message;
  return e;
}

/// One transaction: applies the first pending step, if any. Returns the version the database
/// is at afterwards and whether a step was applied.
struct StepOutcome {
  int version = 0;
  bool applied = false;
};

DbResult<StepOutcome> applyNextStep(Connection& c, const std::vector<const Migration*>& steps) {
  Transaction tx(c);
  if (!tx.started()) return tx.started().error();
  if (c.dialect() == Dialect::Postgres) {
    // READ COMMITTED (set before any query, so it overrides begin()'s SERIALIZABLE): once the
    // lock is ours, the next statement sees what the previous holder committed, which a
    // snapshot taken when the lock was requested would not.
    if (auto set = c.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"); !set) return set.error();
    if (auto locked = c.query("SELECT pg_advisory_xact_lock(?)", {kMigrationLock}); !locked) return locked.error();
  }
  auto created = c.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  if (!created) return created.error();
  auto latest = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!latest) return latest.error();
  auto current = static_cast<int>(latest->rows.at(0).integer(0));

  int known = steps.empty() ? 0 : steps.back()->version;
  if (current > known) {
    return DbError{DbError::Kind::Other, "the database schema is at version " + std::to_string(current) +
                                             ", newer than this server knows (" + std::to_string(known) +
                                             "): run the server version that wrote it, or a newer one"};
  }
  auto next = std::find_if(steps.begin(), steps.end(), [&](const Migration* m) { return m->version > current; });
  if (next == steps.end()) {
    if (auto committed = tx.commit(); !committed) return committed.error();
    return StepOutcome{current, false};
  }

  const Migration& step = **next;
  std::string context = "migration " + std::to_string(step.version) + " (" + step.name + ")";
  if (auto applied = c.executeScript(sqlFor(step, c.dialect())); !applied) return withContext(applied.error(), context);
  auto recorded = c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                            {std::int64_t{step.version}, step.name, nowSeconds()});
  if (!recorded) return withContext(recorded.error(), context);
  if (auto committed = tx.commit(); !committed) return withContext(committed.error(), context);
  return StepOutcome{step.version, true};
}

}  // namespace

DbResult<int> migrate(Database& db, const std::vector<Migration>& migrations) {
  std::vector<const Migration*> steps;
  for (const auto& m : migrations) steps.push_back(&m);
  std::sort(steps.begin(), steps.end(), [](const Migration* a, const Migration* b) { return a->version < b->version; });
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i]->version <= 0 || (i > 0 && steps[i]->version == steps[i - 1]->version)) {
      return DbError{DbError::Kind::Other, "migration versions must be positive and distinct (version " +
                                               std::to_string(steps[i]->version) + ")"};
    }
  }

  auto lease = db.acquire();
  if (!lease) return lease.error();
  Connection& c = *lease.value();
  int busyLeft = kBusyAttempts;
  for (;;) {
    auto outcome = applyNextStep(c, steps);
    if (!outcome) {
      // Another instance is migrating: wait for it (each attempt waits busyTimeoutMs).
      if (outcome.error().kind == DbError::Kind::Busy && --busyLeft > 0) continue;
      return outcome.error();
    }
    if (!outcome->applied) return outcome->version;
  }
}

}  // namespace onestop::central::store
