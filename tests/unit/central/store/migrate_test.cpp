// Schema migrations on both backends.
#include <thread>

#include "backends.hpp"

using namespace onestop::central::store;
using namespace onestop::central::store::testing;

namespace {

std::vector<Migration> steps(int upTo) {
  std::vector<Migration> all = {
      {1, "citizens", "CREATE TABLE citizens (id TEXT PRIMARY KEY, name TEXT NOT NULL)"},
      // Not idempotent on purpose: applying a step twice would fail or double the row.
      {2, "fees", "CREATE TABLE fees (id BIGINT PRIMARY KEY, fen BIGINT NOT NULL);\n"
                  "INSERT INTO fees (id, fen) VALUES (1, 500);"},
      {3, "per dialect", "", "CREATE TABLE dialect (name TEXT); INSERT INTO dialect VALUES ('postgres');",
       "CREATE TABLE dialect (name TEXT); INSERT INTO dialect VALUES ('sqlite');"},
  };
  all.resize(static_cast<std::size_t>(upTo));
  return all;
}

}  // namespace

TEST_CASE_TEMPLATE("migrations apply once, in order, and a re-run does nothing", B, STORE_BACKENDS) {
  auto db = openFresh<B>("migrate");
  if (!db) return;
  CHECK(must(migrate(*db, steps(2))) == 2);
  CHECK(must(migrate(*db, steps(2))) == 2);
  CHECK(must(migrate(*db, steps(3))) == 3);  // a later release adds a step

  auto c = lease(*db);
  auto applied = must(c->query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
  REQUIRE(applied.size() == 3);
  CHECK(applied[0].integer(0) == 1);
  CHECK(applied[1].text(1) == "fees");
  CHECK(applied[2].integer(2) > 1700000000);
  CHECK(count(*c, "fees") == 1);
  auto dialect = must(c->query("SELECT name FROM dialect"));
  CHECK(dialect[0].text(0) == (B::kDialect == Dialect::Postgres ? "postgres" : "sqlite"));
}

TEST_CASE_TEMPLATE("steps given out of order still run in version order", B, STORE_BACKENDS) {
  auto db = openFresh<B>("order");
  if (!db) return;
  auto shuffled = steps(3);
  std::swap(shuffled[0], shuffled[2]);
  CHECK(must(migrate(*db, shuffled)) == 3);
}

TEST_CASE_TEMPLATE("a database newer than the code is refused", B, STORE_BACKENDS) {
  auto db = openFresh<B>("newer");
  if (!db) return;
  must(migrate(*db, steps(3)));
  auto older = migrate(*db, steps(2));
  REQUIRE_FALSE(older.ok());
  CHECK(older.error().kind == DbError::Kind::Other);
  CHECK(older.error().message.find("version 3, newer than this server knows (2)") != std::string::npos);
}

TEST_CASE_TEMPLATE("a failing step leaves the database at the previous version", B, STORE_BACKENDS) {
  auto db = openFresh<B>("failing");
  if (!db) return;
  auto broken = steps(1);
  broken.push_back({2, "broken", "CREATE TABLE half (x BIGINT); THIS IS NOT SQL;"});
  auto r = migrate(*db, broken);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("migration 2 (broken)") != std::string::npos);

  auto c = lease(*db);
  CHECK(must(c->query("SELECT MAX(version) FROM schema_migrations"))[0].integer(0) == 1);
  CHECK_FALSE(c->query("SELECT * FROM half").ok());  // the step's DDL was rolled back too
  CHECK(must(migrate(*db, steps(2))) == 2);           // a fixed release carries on
}

TEST_CASE_TEMPLATE("bad version numbers are refused before touching the database", B, STORE_BACKENDS) {
  auto db = openFresh<B>("versions");
  if (!db) return;
  auto twice = steps(2);
  twice[1].version = 1;
  CHECK_FALSE(migrate(*db, twice).ok());
  auto c = lease(*db);
  CHECK_FALSE(c->query("SELECT * FROM schema_migrations").ok());
}

TEST_CASE_TEMPLATE("server instances starting together apply each step once", B, STORE_BACKENDS) {
  std::string url = freshUrl<B>("racing");
  if (url.empty()) return;
  // Each instance opens the (new, for SQLite not yet existing) database and migrates at once.
  constexpr std::size_t kInstances = 4;
  std::vector<std::unique_ptr<Database>> instances(kInstances);
  std::vector<DbResult<int>> results(kInstances, DbResult<int>(0));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < kInstances; ++i) {
    threads.emplace_back([&, i] {
      auto db = Database::open(url);
      if (!db) {
        results[i] = db.error();
        return;
      }
      instances[i] = std::move(db.value());
      results[i] = migrate(*instances[i], steps(3));
    });
  }
  for (auto& t : threads) t.join();
  for (auto& r : results) {
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    CHECK(r.value() == 3);
  }
  auto c = lease(*instances[0]);
  CHECK(count(*c, "schema_migrations") == 3);
  CHECK(count(*c, "fees") == 1);
  CHECK(count(*c, "dialect") == 1);
}
