// Backend-neutral parts: row accessors, the transaction guard, leases, choosing a backend.
#include "store/database.hpp"

#include <chrono>
#include <random>
#include <thread>

#include "store/number_text.hpp"
#include "store/postgres_database.hpp"
#include "store/sqlite_database.hpp"

namespace onestop::central::store {
namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

bool Row::isNull(std::size_t i) const {
  return i >= values.size() || std::holds_alternative<std::nullptr_t>(values[i]);
}

std::string Row::text(std::size_t i) const {
  if (i >= values.size()) return {};
  const Value& v = values[i];
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) return formatDouble(*d);
  return {};
}

std::int64_t Row::integer(std::size_t i) const {
  if (i >= values.size()) return 0;
  const Value& v = values[i];
  if (auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (auto* d = std::get_if<double>(&v)) return doubleToInteger(*d);
  if (auto* s = std::get_if<std::string>(&v)) {
    if (auto n = parseInteger(*s)) return *n;
    if (auto d = parseDouble(*s)) return doubleToInteger(*d);
  }
  return 0;
}

double Row::real(std::size_t i) const {
  if (i >= values.size()) return 0;
  const Value& v = values[i];
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (auto* s = std::get_if<std::string>(&v)) return parseDouble(*s).value_or(0.0);
  return 0;
}

Transaction::Transaction(Connection& c) : c_(c), started_(c.begin()), open_(started_.ok()) {}

Transaction::~Transaction() {
  if (open_) c_.rollback();  // nothing to report to: the caller has moved on
}

DbResult<Done> Transaction::commit() {
  if (!open_) return DbError{DbError::Kind::Other, "COMMIT: no open transaction (BEGIN failed or already ended)"};
  open_ = false;  // the backends end the transaction even when COMMIT fails
  return c_.commit();
}

Database::Lease& Database::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    if (c_ && owner_) owner_->release(std::move(c_));
    owner_ = other.owner_;
    c_ = std::move(other.c_);
  }
  return *this;
}

Database::Lease::~Lease() {
  if (c_ && owner_) owner_->release(std::move(c_));
}

DbResult<std::unique_ptr<Database>> Database::open(const std::string& url, const OpenOptions& options) {
  if (startsWith(url, "postgresql://") || startsWith(url, "postgres://")) return openPostgres(url, options);
  if (startsWith(url, "sqlite://")) return openSqlite(url.substr(9), options);  // sqlite:///abs/path
  if (startsWith(url, "sqlite:")) return openSqlite(url.substr(7), options);
  if (url.empty()) return DbError{DbError::Kind::Unavailable, "no database given (--db PATH or postgresql://…)"};
  auto scheme = url.find("://");
  if (scheme != std::string::npos) {
    return DbError{DbError::Kind::Unavailable, "unsupported database URL scheme \"" + url.substr(0, scheme) +
                                                   "\": use a file path, sqlite:PATH or postgresql://…"};
  }
  return openSqlite(url, options);
}

DbResult<Done> inTransaction(Connection& c, const std::function<DbResult<Done>(Connection&)>& body, int attempts) {
  // Jittered, growing pauses so that conflicting transactions do not retry in lockstep.
  thread_local std::minstd_rand jitter(static_cast<unsigned>(
      std::hash<std::thread::id>{}(std::this_thread::get_id()) ^
      static_cast<std::size_t>(std::chrono::steady_clock::now().time_since_epoch().count())));
  DbError last{DbError::Kind::Busy, "transaction not attempted (attempts < 1)"};
  for (int attempt = 0; attempt < attempts; ++attempt) {
    if (attempt > 0) {
      int capMs = 1 << std::min(attempt, 6);
      std::this_thread::sleep_for(std::chrono::milliseconds(jitter() % static_cast<unsigned>(capMs + 1)));
    }
    DbResult<Done> result = [&]() -> DbResult<Done> {
      Transaction tx(c);
      if (!tx.started()) return tx.started();
      auto done = body(c);
      if (!done) return done;
      return tx.commit();
    }();
    if (result || result.error().kind != DbError::Kind::Busy) return result;
    last = result.error();
  }
  return last;
}

}  // namespace onestop::central::store
