#include "sync/ticket_book.hpp"

#include <sys/stat.h>

#include <sqlite3.h>

#include "sync/sqlite_statement.hpp"

namespace onestop::sync {
namespace {

std::string lastError(sqlite3* db) { return sqlite3_errmsg(db); }

bool exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

}  // namespace

core::Result<std::unique_ptr<TicketBook>> TicketBook::open(const std::string& path) {
  std::unique_ptr<TicketBook> book(new TicketBook());
  if (sqlite3_open_v2(path.c_str(), &book->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK)
    return core::Error{"ticket book " + path + ": " + (book->db_ ? lastError(book->db_) : "cannot open")};
  ::chmod(path.c_str(), 0600);
  if (!exec(book->db_,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;"
            "CREATE TABLE IF NOT EXISTS reserved ("
            " day TEXT NOT NULL, service TEXT NOT NULL, number TEXT NOT NULL, issued_at INTEGER,"
            " PRIMARY KEY (day, number));"))
    return core::Error{"ticket book " + path + ": " + lastError(book->db_)};
  return book;
}

TicketBook::~TicketBook() {
  if (db_) sqlite3_close_v2(db_);
}

core::Result<bool> TicketBook::keep(const std::string& day, const std::string& service,
                                    const std::vector<std::string>& numbers) {
  if (!exec(db_, "BEGIN IMMEDIATE")) return core::Error{"ticket book keep: " + lastError(db_)};
  for (const auto& number : numbers) {
    Statement s(db_, "INSERT OR IGNORE INTO reserved (day, service, number) VALUES (?, ?, ?)");
    if (!s.ok()) break;
    s.bind(1, day);
    s.bind(2, service);
    s.bind(3, number);
    if (sqlite3_step(s.get()) != SQLITE_DONE) {
      const std::string why = lastError(db_);
      exec(db_, "ROLLBACK");
      return core::Error{"ticket book keep: " + why};
    }
  }
  if (!exec(db_, "COMMIT")) {
    const std::string why = lastError(db_);
    exec(db_, "ROLLBACK");
    return core::Error{"ticket book keep: " + why};
  }
  return true;
}

core::Result<std::optional<std::string>> TicketBook::take(const std::string& day, const std::string& service,
                                                          std::int64_t issuedAt) {
  // One statement: the lowest unused number is claimed and returned in the same write.
  Statement s(db_,
              "UPDATE reserved SET issued_at = ? WHERE rowid = ("
              " SELECT rowid FROM reserved WHERE day = ? AND service = ? AND issued_at IS NULL ORDER BY number LIMIT 1)"
              " RETURNING number");
  if (!s.ok()) return core::Error{"ticket book take: " + lastError(db_)};
  s.bind(1, issuedAt);
  s.bind(2, day);
  s.bind(3, service);
  const int rc = sqlite3_step(s.get());
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return core::Error{"ticket book take: " + lastError(db_)};
  std::optional<std::string> number = s.text(0);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return core::Error{"ticket book take: " + lastError(db_)};
  return number;
}

core::Result<int> TicketBook::remaining(const std::string& day, const std::string& service) {
  Statement s(db_, "SELECT COUNT(*) FROM reserved WHERE day = ? AND service = ? AND issued_at IS NULL");
  if (!s.ok()) return core::Error{"ticket book count: " + lastError(db_)};
  s.bind(1, day);
  s.bind(2, service);
  if (sqlite3_step(s.get()) != SQLITE_ROW) return core::Error{"ticket book count: " + lastError(db_)};
  return sqlite3_column_int(s.get(), 0);
}

core::Result<bool> TicketBook::forgetBefore(const std::string& day) {
  Statement s(db_, "DELETE FROM reserved WHERE day < ?");
  if (!s.ok()) return core::Error{"ticket book forget: " + lastError(db_)};
  s.bind(1, day);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return core::Error{"ticket book forget: " + lastError(db_)};
  return true;
}

}  // namespace onestop::sync
