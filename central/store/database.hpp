#pragma once
// The central server's storage, behind one small interface with two backends: SQLite (the
// embedded default) and PostgreSQL (libpq, for deployments that run several server
// instances against one database). Handlers write SQL once, with `?` placeholders, in the
// subset both dialects accept; the PostgreSQL backend rewrites `?` to `$1, $2, …`. There a
// parameter's type comes from its context, as for a quoted literal: where the context gives
// none (`SELECT ?`, `? + 1`), write CAST(? AS BIGINT).
//
// Column types used by the schema: TEXT, BIGINT (integers, money in fen, epoch seconds),
// DOUBLE PRECISION. No autoincrement: ids are made by the application.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/expected.hpp"

namespace onestop::central::store {

/// A bound parameter or a column value. BLOBs are not used (binary data is stored as hex
/// or base64 TEXT so both backends treat it alike).
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

struct DbError {
  enum class Kind {
    UniqueViolation,  ///< a UNIQUE / PRIMARY KEY constraint refused the write
    Busy,             ///< lock or serialization conflict: the caller may retry the transaction
    Unavailable,      ///< cannot reach or open the database
    Other,            ///< SQL error, type error…
  };
  Kind kind = Kind::Other;
  std::string message;  ///< for the log; never contains bound parameter values
};

/// Either a value or a DbError.
template <class T>
using DbResult = core::Expected<T, DbError>;

struct Done {};  ///< the value of a DbResult that carries nothing

/// One result row. Accessors are lenient about NULL (empty / 0) and about integer columns
/// that a backend returned as text, so handlers stay backend-neutral.
struct Row {
  std::vector<Value> values;
  bool isNull(std::size_t i) const;
  std::string text(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
  const Row& operator[](std::size_t i) const { return rows[i]; }
};

enum class Dialect { Sqlite, Postgres };

/// One connection. Not thread-safe: a connection is used by one thread at a time
/// (see Database::acquire).
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  /// Runs a statement that returns rows (SELECT, or INSERT … RETURNING).
  virtual DbResult<Rows> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  /// Runs a statement; returns the number of rows it changed.
  virtual DbResult<std::int64_t> execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  /// Runs several statements with no parameters (schema migrations).
  virtual DbResult<Done> executeScript(std::string_view sql) = 0;
  /// SQLite: BEGIN IMMEDIATE (writers queue up front); PostgreSQL: BEGIN ISOLATION LEVEL
  /// SERIALIZABLE, so that code correct on SQLite is correct on PostgreSQL; conflicts come
  /// back as Busy (see inTransaction). On both backends a failed statement aborts the
  /// transaction: later statements fail and commit() rolls back and reports an error.
  virtual DbResult<Done> begin() = 0;
  virtual DbResult<Done> commit() = 0;
  virtual DbResult<Done> rollback() = 0;
};

/// Commits only when told; rolls back on scope exit otherwise.
class Transaction {
 public:
  explicit Transaction(Connection& c);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  /// The result of BEGIN; nothing else may be used when it failed.
  const DbResult<Done>& started() const { return started_; }
  DbResult<Done> commit();

 private:
  Connection& c_;
  DbResult<Done> started_;
  bool open_ = false;
};

struct OpenOptions {
  int poolSize = 8;                 ///< connections kept open
  int busyTimeoutMs = 5000;         ///< SQLite busy_timeout; PostgreSQL lock_timeout
  bool synchronousFull = true;      ///< SQLite synchronous=FULL (writes promised to citizens)
  /// PostgreSQL: transactions are SERIALIZABLE (conflicts come back as Busy). The API turns
  /// this off and serialises what must be serial itself (the audit chain's advisory lock,
  /// unique keys, conditional updates), so that concurrent kiosks do not fail each other.
  bool serializable = true;
};

/// A pool of connections to one database.
class Database {
 public:
  /// `url`: a file path or `sqlite:PATH` for SQLite (WAL, foreign keys on), or
  /// `postgresql://…` / `postgres://…` for PostgreSQL.
  static DbResult<std::unique_ptr<Database>> open(const std::string& url, const OpenOptions& options = {});
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  /// A human description without credentials ("sqlite:/path", "postgresql://host:port/db").
  virtual std::string describe() const = 0;

  /// A connection for the calling thread's exclusive use; returned to the pool when the
  /// lease ends (a transaction left open is rolled back). Waits for a free connection when
  /// all are in use. A broken PostgreSQL connection is replaced here. Leases must end before
  /// the Database is destroyed.
  class Lease {
   public:
    Lease(Database* owner, std::unique_ptr<Connection> c) : owner_(owner), c_(std::move(c)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&& other) noexcept;  ///< returns the connection it held first
    ~Lease();
    Connection& operator*() { return *c_; }
    Connection* operator->() { return c_.get(); }

   private:
    Database* owner_;
    std::unique_ptr<Connection> c_;
  };
  virtual DbResult<Lease> acquire() = 0;

 protected:
  virtual void release(std::unique_ptr<Connection> c) = 0;
};

/// Runs `body` in a transaction on `c` and commits it. When the backend reports Busy (a lock
/// timeout or a serialization conflict) the transaction is rolled back and run again, up to
/// `attempts` times in all, so `body` must have no effects outside the database. An error
/// from `body` rolls back and is returned as is.
DbResult<Done> inTransaction(Connection& c, const std::function<DbResult<Done>(Connection&)>& body,
                             int attempts = 5);

/// A schema step. Steps run in version order, each in its own transaction, and are
/// recorded in table schema_migrations(version, name, applied_at); a database newer than
/// the code is refused.
struct Migration {
  int version;
  std::string name;
  std::string sql;               ///< shared SQL …
  std::string postgresSql = {};  ///< … unless a dialect needs its own text
  std::string sqliteSql = {};
};

/// Applies the pending migrations; returns the schema version reached. Safe when several
/// server instances start at once: each step is applied by exactly one of them. Migration
/// SQL must not contain BEGIN/COMMIT.
DbResult<int> migrate(Database& db, const std::vector<Migration>& migrations);

}  // namespace onestop::central::store
