// The SQLite backend: one sqlite3 handle per pooled connection, WAL so readers never wait
// for the writer, BEGIN IMMEDIATE so writers queue at the start of a transaction (no
// deadlock halfway through), and busy_timeout for that queue.
#include "store/sqlite_database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include <string_view>
#include <unordered_map>
#include <utility>

#include "store/error_text.hpp"
#include "store/pool.hpp"

namespace onestop::central::store {
namespace {

DbError::Kind kindOf(int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbError::Kind::UniqueViolation;
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbError::Kind::Busy;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CORRUPT:
      return DbError::Kind::Unavailable;
    default:
      return DbError::Kind::Other;
  }
}

Value columnValue(sqlite3_stmt* s, int i) {
  switch (sqlite3_column_type(s, i)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(s, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(s, i);
    case SQLITE_TEXT: {
      auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
      return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
    }
    case SQLITE_BLOB: {
      auto* bytes = static_cast<const char*>(sqlite3_column_blob(s, i));
      return std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
    }
    default:
      return nullptr;
  }
}

bool onlySpaceOrSemicolons(std::string_view rest) {
  return rest.find_first_not_of(" \t\r\n;") == std::string_view::npos;
}

/// Resets a cached statement when its use ends, however it ends.
struct StatementUse {
  sqlite3_stmt* s;
  ~StatementUse() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

class SqliteConnection final : public PooledConnection {
 public:
  static DbResult<std::unique_ptr<PooledConnection>> open(const std::string& path, const OpenOptions& options) {
    sqlite3* raw = nullptr;
    // NOMUTEX: the pool hands a connection to one thread at a time.
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    auto c = std::unique_ptr<SqliteConnection>(new SqliteConnection(raw));
    if (rc != SQLITE_OK) return c->unavailable("open", rc, path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, options.busyTimeoutMs);

    // Switching to WAL needs an exclusive lock that the busy handler does not always wait
    // for (servers starting together on one file): retried briefly before giving up.
    auto mode = c->query("PRAGMA journal_mode=WAL", {});
    for (int attempt = 0; !mode && mode.error().kind == DbError::Kind::Busy && attempt < 100; ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      mode = c->query("PRAGMA journal_mode=WAL", {});
    }
    if (!mode) return c->unavailable("PRAGMA journal_mode", mode.error(), path);
    if (mode->empty() || mode->rows[0].text(0) != "wal") {
      return DbError{DbError::Kind::Unavailable, "SQLite: " + path + " cannot use write-ahead logging (journal_mode " +
                                                     (mode->empty() ? "?" : mode->rows[0].text(0)) + ")"};
    }
    const char* sync = options.synchronousFull ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
    for (const char* pragma : {sync, "PRAGMA foreign_keys=ON"}) {
      auto done = c->execute(pragma, {});
      if (!done) return c->unavailable(pragma, done.error(), path);
    }
    return std::unique_ptr<PooledConnection>(std::move(c));
  }

  ~SqliteConnection() override {
    for (auto& [sql, s] : cache_) sqlite3_finalize(s);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::Sqlite; }

  DbResult<Rows> query(std::string_view sql, const std::vector<Value>& params) override {
    Rows rows;
    auto done = run(sql, params, &rows);
    if (!done) return done.error();
    return rows;
  }

  DbResult<std::int64_t> execute(std::string_view sql, const std::vector<Value>& params) override {
    auto before = sqlite3_total_changes64(db_);
    auto done = run(sql, params, nullptr);
    if (!done) return done.error();
    // sqlite3_changes64 keeps the count of the last INSERT/UPDATE/DELETE: trust it only
    // when this statement changed something.
    return sqlite3_total_changes64(db_) != before ? static_cast<std::int64_t>(sqlite3_changes64(db_)) : 0;
  }

  DbResult<Done> executeScript(std::string_view sql) override {
    if (auto refused = refuseAfterFailure(sql); !refused) return refused;
    // Statement by statement rather than sqlite3_exec, so an error names the failing one.
    const char* next = sql.data();
    const char* end = sql.data() + sql.size();
    while (next < end) {
      sqlite3_stmt* s = nullptr;
      const char* tail = nullptr;
      std::string_view rest(next, static_cast<std::size_t>(end - next));
      int rc = sqlite3_prepare_v2(db_, next, static_cast<int>(end - next), &s, &tail);
      if (rc != SQLITE_OK) return fail(rc, rest);
      next = tail;
      if (s == nullptr) continue;  // only whitespace or a comment
      do rc = sqlite3_step(s);
      while (rc == SQLITE_ROW);
      if (rc != SQLITE_DONE) {
        auto error = fail(rc, rest);
        sqlite3_finalize(s);
        return error;
      }
      sqlite3_finalize(s);
    }
    return Done{};
  }

  DbResult<Done> begin() override {
    auto done = run("BEGIN IMMEDIATE", {}, nullptr);
    if (done) {
      inTransaction_ = true;
      failed_ = false;
    }
    return done;
  }

  DbResult<Done> commit() override {
    if (inTransaction_ && failed_) {
      tidy();
      return DbError{DbError::Kind::Other, "SQLite: COMMIT: the transaction was rolled back after an earlier error"};
    }
    auto done = run("COMMIT", {}, nullptr);
    // A COMMIT that failed (SQLITE_BUSY) leaves the transaction open: end it, as PostgreSQL does.
    tidy();
    return done;
  }

  DbResult<Done> rollback() override {
    if (sqlite3_get_autocommit(db_)) {  // nothing open (SQLite may have rolled back already)
      inTransaction_ = failed_ = false;
      return Done{};
    }
    inTransaction_ = false;
    auto done = run("ROLLBACK", {}, nullptr);
    failed_ = false;
    return done;
  }

  bool healthy() override { return true; }

  void tidy() override { rollback(); }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}

  DbError unavailable(std::string_view what, int rc, const std::string& path) const {
    const char* message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    return DbError{DbError::Kind::Unavailable, "SQLite: cannot " + std::string(what) + " " + path + ": " + message};
  }

  static DbError unavailable(std::string_view what, const DbError& e, const std::string& path) {
    return DbError{DbError::Kind::Unavailable, "SQLite: " + path + ": " + std::string(what) + " failed: " + e.message};
  }

  /// The error for `rc`; inside a transaction it also marks the transaction failed, so that
  /// the SQLite backend behaves like PostgreSQL (where any error aborts the transaction).
  DbError fail(int rc, std::string_view sql) {
    if (inTransaction_) failed_ = true;
    return DbError{kindOf(rc), "SQLite: " + statementHead(sql) + ": " + sqlite3_errmsg(db_)};
  }

  DbResult<Done> refuseAfterFailure(std::string_view sql) const {
    if (inTransaction_ && failed_) {
      return DbError{DbError::Kind::Other,
                     "SQLite: " + statementHead(sql) + ": the transaction already failed; roll it back"};
    }
    return Done{};
  }

  DbResult<sqlite3_stmt*> prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    sqlite3_stmt* s = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, &tail);
    if (rc != SQLITE_OK) return fail(rc, sql);
    if (s == nullptr) return DbError{DbError::Kind::Other, "SQLite: empty statement"};
    if (!onlySpaceOrSemicolons(std::string_view(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail)))) {
      sqlite3_finalize(s);
      return DbError{DbError::Kind::Other,
                     "SQLite: " + statementHead(sql) + ": one statement at a time (use executeScript for several)"};
    }
    if (cache_.size() >= kCacheSize) {
      for (auto& [text, old] : cache_) sqlite3_finalize(old);
      cache_.clear();
    }
    cache_.emplace(std::move(key), s);
    return s;
  }

  DbResult<Done> bind(sqlite3_stmt* s, std::string_view sql, const std::vector<Value>& params) {
    if (sqlite3_bind_parameter_count(s) != static_cast<int>(params.size())) {
      return DbError{DbError::Kind::Other, "SQLite: " + statementHead(sql) + ": has " +
                                               std::to_string(sqlite3_bind_parameter_count(s)) + " placeholders but " +
                                               std::to_string(params.size()) + " values were given"};
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (auto* n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(s, index, *n);
      } else if (auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(s, index, *d);
      } else if (auto* text = std::get_if<std::string>(&v)) {
        // Destructor nullptr = SQLITE_STATIC: `params` outlives this use of the statement.
        rc = sqlite3_bind_text64(s, index, text->data(), text->size(), nullptr, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(s, index);
      }
      if (rc != SQLITE_OK) return fail(rc, sql);
    }
    return Done{};
  }

  DbResult<Done> run(std::string_view sql, const std::vector<Value>& params, Rows* rows) {
    if (auto refused = refuseAfterFailure(sql); !refused) return refused;
    auto prepared = prepare(sql);
    if (!prepared) return prepared.error();
    sqlite3_stmt* s = prepared.value();
    StatementUse use{s};
    if (auto bound = bind(s, sql, params); !bound) return bound;

    int columns = sqlite3_column_count(s);
    if (rows) {
      for (int i = 0; i < columns; ++i) rows->columns.emplace_back(sqlite3_column_name(s, i));
    }
    int rc = sqlite3_step(s);
    for (; rc == SQLITE_ROW; rc = sqlite3_step(s)) {
      if (!rows) continue;
      Row& row = rows->rows.emplace_back();
      row.values.reserve(static_cast<std::size_t>(columns));
      for (int i = 0; i < columns; ++i) row.values.push_back(columnValue(s, i));
    }
    if (rc != SQLITE_DONE) return fail(rc, sql);
    return Done{};
  }

  static constexpr std::size_t kCacheSize = 64;
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  bool inTransaction_ = false;  // begun by begin(), not yet ended
  bool failed_ = false;         // a statement failed inside it
};

class SqliteDatabase final : public ConnectionPool {
 public:
  SqliteDatabase(std::string path, const OpenOptions& options)
      : ConnectionPool(options.poolSize), path_(std::move(path)), options_(options) {}
  Dialect dialect() const override { return Dialect::Sqlite; }
  std::string describe() const override { return "sqlite:" + path_; }

 protected:
  DbResult<std::unique_ptr<PooledConnection>> connect() override { return SqliteConnection::open(path_, options_); }

 private:
  std::string path_;
  OpenOptions options_;
};

}  // namespace

DbResult<std::unique_ptr<Database>> openSqlite(const std::string& path, const OpenOptions& options) {
  if (path.empty() || path == ":memory:") {
    return DbError{DbError::Kind::Unavailable,
                   "SQLite: give a database file path (an in-memory database cannot be shared by a pool)"};
  }
  auto db = std::make_unique<SqliteDatabase>(path, options);
  if (auto primed = db->prime(); !primed) return primed.error();
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace onestop::central::store
