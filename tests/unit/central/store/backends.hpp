#pragma once
// Runs one test body per backend: TEST_CASE_TEMPLATE("…", B, STORE_BACKENDS) registers
// "…<sqlite>" and "…<postgres>", each with a fresh, empty database.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "store/database.hpp"
#include "support/test_db.hpp"

namespace onestop::central::store::testing {

struct SqliteBackend {
  static constexpr Dialect kDialect = Dialect::Sqlite;
  static std::string freshUrl(std::string_view prefix) { return "sqlite:" + onestop::test::freshSqlitePath(prefix); }
};

struct PostgresBackend {
  static constexpr Dialect kDialect = Dialect::Postgres;
  static std::string freshUrl(std::string_view prefix) { return onestop::test::freshPostgresUrl(prefix); }
};

/// A URL for a new database of backend B; empty when the PostgreSQL server is not known
/// (test binary run by hand): the test then ends early with a message.
template <class B>
std::string freshUrl(std::string_view prefix) {
  std::string url = B::freshUrl(prefix);
  if (url.empty()) MESSAGE("no PostgreSQL test server (ONESTOP_TEST_PG_URL_FILE unset; run through ctest): skipped");
  return url;
}

template <class T>
T must(DbResult<T> result) {
  REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().message));
  return std::move(result.value());
}

template <class B>
std::unique_ptr<Database> openFresh(std::string_view prefix, const OpenOptions& options = {}) {
  std::string url = freshUrl<B>(prefix);
  if (url.empty()) return nullptr;
  return must(Database::open(url, options));
}

inline Database::Lease lease(Database& db) { return must(db.acquire()); }

inline std::int64_t count(Connection& c, const std::string& table) {
  return must(c.query("SELECT COUNT(*) FROM " + table)).rows.at(0).integer(0);
}

}  // namespace onestop::central::store::testing

TYPE_TO_STRING_AS("sqlite", onestop::central::store::testing::SqliteBackend);
TYPE_TO_STRING_AS("postgres", onestop::central::store::testing::PostgresBackend);

#define STORE_BACKENDS \
  onestop::central::store::testing::SqliteBackend, onestop::central::store::testing::PostgresBackend
