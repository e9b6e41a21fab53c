// The PostgreSQL backend (libpq): parameters and results travel as text; `?` placeholders
// are numbered for the server; SQLSTATEs map onto DbError kinds.
#include "store/postgres_database.hpp"

#include <libpq-fe.h>

#include <optional>
#include <string_view>
#include <utility>

#include "store/error_text.hpp"
#include "store/number_text.hpp"
#include "store/placeholders.hpp"
#include "store/pool.hpp"

namespace onestop::central::store {
namespace {

// Type OIDs from pg_type.h (server headers, not shipped with libpq-dev).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

DbError::Kind kindOf(std::string_view sqlstate) {
  if (sqlstate == "23505") return DbError::Kind::UniqueViolation;
  // serialization_failure, deadlock_detected, lock_not_available (lock_timeout)
  if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03") return DbError::Kind::Busy;
  // connection exceptions; the server shutting down or still starting
  if (sqlstate.substr(0, 2) == "08" || sqlstate.substr(0, 4) == "57P0") return DbError::Kind::Unavailable;
  return DbError::Kind::Other;
}

/// libpq's multi-line messages on one log line.
std::string oneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Value resultValue(const PGresult* r, int row, int column) {
  if (PQgetisnull(r, row, column)) return nullptr;
  std::string_view text(PQgetvalue(r, row, column), static_cast<std::size_t>(PQgetlength(r, row, column)));
  switch (PQftype(r, column)) {
    case kInt2:
    case kInt4:
    case kInt8:
      if (auto n = parseInteger(text)) return *n;
      break;
    case kNumeric:
      // sum(bigint) is numeric here but an integer in SQLite: keep whole numbers whole.
      if (auto n = parseInteger(text)) return *n;
      [[fallthrough]];
    case kFloat4:
    case kFloat8:
      if (auto d = parseDouble(text)) return *d;
      break;
    case kBool:  // SQLite has no booleans: comparisons give 0 or 1 there
      return std::int64_t{text == "t" ? 1 : 0};
    default:
      break;
  }
  return std::string(text);
}

void ignoreNotice(void*, const char*) {}  // NOTICEs ("… already exists, skipping") are noise

class PostgresConnection final : public PooledConnection {
 public:
  static DbResult<std::unique_ptr<PooledConnection>> open(const std::string& url, const OpenOptions& options) {
    // Keywords before dbname are defaults the URL may override; those after it are fixed.
    const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", "client_encoding", nullptr};
    const char* values[] = {"10", "onestop-central", url.c_str(), "UTF8", nullptr};
    auto c = std::unique_ptr<PostgresConnection>(new PostgresConnection(PQconnectdbParams(keys, values, 1)));
    if (c->conn_ == nullptr || PQstatus(c->conn_) != CONNECTION_OK) {
      std::string why = c->conn_ ? oneLine(PQerrorMessage(c->conn_)) : "out of memory";
      return DbError{DbError::Kind::Unavailable, "PostgreSQL: cannot connect: " + why};
    }
    PQsetNoticeProcessor(c->conn_, ignoreNotice, nullptr);
    c->serializable_ = options.serializable;
    std::string lockTimeout = "SET lock_timeout = " + std::to_string(options.busyTimeoutMs);
    if (auto set = c->executeScript(lockTimeout); !set) {
      return DbError{DbError::Kind::Unavailable, "PostgreSQL: cannot set up the session: " + set.error().message};
    }
    return std::unique_ptr<PooledConnection>(std::move(c));
  }

  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::Postgres; }

  DbResult<Rows> query(std::string_view sql, const std::vector<Value>& params) override {
    auto r = run(sql, params);
    if (!r) return r.error();
    const PGresult* res = r->get();
    Rows rows;
    int columns = PQnfields(res);
    int count = PQntuples(res);
    for (int i = 0; i < columns; ++i) rows.columns.emplace_back(PQfname(res, i));
    rows.rows.resize(static_cast<std::size_t>(count));
    for (int row = 0; row < count; ++row) {
      auto& values = rows.rows[static_cast<std::size_t>(row)].values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) values.push_back(resultValue(res, row, column));
    }
    return rows;
  }

  DbResult<std::int64_t> execute(std::string_view sql, const std::vector<Value>& params) override {
    auto r = run(sql, params);
    if (!r) return r.error();
    // PQcmdTuples counts the rows a SELECT returned too; only changes count here.
    if (std::string_view(PQcmdStatus(r->get())).substr(0, 6) == "SELECT") return std::int64_t{0};
    return parseInteger(PQcmdTuples(r->get())).value_or(0);
  }

  DbResult<Done> executeScript(std::string_view sql) override {
    std::string text(sql);
    Result r(PQexec(conn_, text.c_str()));
    if (auto failed = check(r.get(), sql)) return *failed;
    return Done{};
  }

  DbResult<Done> begin() override {
    return executeScript(serializable_ ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN ISOLATION LEVEL READ COMMITTED");
  }

  DbResult<Done> commit() override {
    Result r(PQexec(conn_, "COMMIT"));
    if (auto failed = check(r.get(), "COMMIT")) return *failed;
    // COMMIT of a transaction that had an error succeeds, but it rolled back.
    if (std::string_view(PQcmdStatus(r.get())) == "ROLLBACK") {
      return DbError{DbError::Kind::Other, "PostgreSQL: COMMIT: the transaction was rolled back after an earlier error"};
    }
    return Done{};
  }

  DbResult<Done> rollback() override { return executeScript("ROLLBACK"); }

  bool healthy() override { return PQstatus(conn_) == CONNECTION_OK; }

  void tidy() override {
    auto status = PQtransactionStatus(conn_);
    if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR) rollback();
  }

 private:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}

  DbResult<Result> run(std::string_view sql, const std::vector<Value>& params) {
    NumberedSql numbered = numberPlaceholders(sql);
    if (numbered.placeholders != static_cast<int>(params.size())) {
      return DbError{DbError::Kind::Other, "PostgreSQL: " + statementHead(sql) + ": has " +
                                               std::to_string(numbered.placeholders) + " placeholders but " +
                                               std::to_string(params.size()) + " values were given"};
    }
    // Untyped text parameters: the server infers each one's type from its context, as for a
    // quoted literal, so `substr(s, ?, ?)` finds substr(text, int, int).
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (auto* n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&v)) {
        texts[i] = formatDouble(*d);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        values[i] = s->c_str();
        continue;
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
    }
    Result r(PQexecParams(conn_, numbered.sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                          nullptr, nullptr, 0));
    if (auto failed = check(r.get(), sql)) return *failed;
    return r;
  }

  /// The error a result carries, if any. Never uses the DETAIL field: it quotes row values.
  std::optional<DbError> check(const PGresult* r, std::string_view sql) const {
    auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return std::nullopt;

    const char* sqlstate = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string code = sqlstate ? sqlstate : "";
    std::string message = primary ? primary : oneLine(PQerrorMessage(conn_));
    if (code.substr(0, 2) == "22") message = withoutInput(message);  // data exceptions quote the input

    DbError error{code.empty() ? DbError::Kind::Other : kindOf(code), {}};
    if (PQstatus(conn_) == CONNECTION_BAD) error.kind = DbError::Kind::Unavailable;
    error.message = "PostgreSQL: " + statementHead(sql) + ": " + message;
    if (!code.empty()) error.message += " (SQLSTATE " + code + ")";
    return error;
  }

  PGconn* conn_;
  bool serializable_ = true;
};

class PostgresDatabase final : public ConnectionPool {
 public:
  PostgresDatabase(std::string url, std::string description, const OpenOptions& options)
      : ConnectionPool(options.poolSize), url_(std::move(url)), description_(std::move(description)),
        options_(options) {}
  Dialect dialect() const override { return Dialect::Postgres; }
  std::string describe() const override { return description_; }

 protected:
  DbResult<std::unique_ptr<PooledConnection>> connect() override { return PostgresConnection::open(url_, options_); }

 private:
  std::string url_;  // may hold a password: never logged
  std::string description_;
  OpenOptions options_;
};

/// "postgresql://host:port/db" from the URL's parts, leaving out user and password; nullopt
/// when libpq cannot parse the URL.
std::optional<std::string> describeUrl(const std::string& url) {
  char* parseError = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &parseError);
  // libpq's parse error may quote part of the URL, password included: not passed on.
  if (parseError) PQfreemem(parseError);
  if (options == nullptr) return std::nullopt;
  std::string host, port, dbname;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    std::string_view key = o->keyword;
    std::string value = o->val ? o->val : "";
    if (key == "host") host = value;
    if (key == "hostaddr" && host.empty()) host = value;
    if (key == "port") port = value;
    if (key == "dbname") dbname = value;
  }
  PQconninfoFree(options);
  std::string text = "postgresql://" + (host.empty() ? std::string("localhost") : host);
  if (!port.empty()) text += ":" + port;
  return text + "/" + dbname;
}

}  // namespace

DbResult<std::unique_ptr<Database>> openPostgres(const std::string& url, const OpenOptions& options) {
  auto description = describeUrl(url);
  if (!description) {
    return DbError{DbError::Kind::Unavailable, "PostgreSQL: the database URL is malformed (see the libpq manual, "
                                               "\"Connection URIs\")"};
  }
  auto db = std::make_unique<PostgresDatabase>(url, *description, options);
  if (auto primed = db->prime(); !primed) return primed.error();
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace onestop::central::store
