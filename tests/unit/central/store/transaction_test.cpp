// Transactions behave alike on both backends, including after an error.
#include "backends.hpp"

using namespace onestop::central::store;
using namespace onestop::central::store::testing;

namespace {
void createTable(Connection& c) { must(c.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, s TEXT)")); }
DbResult<std::int64_t> insert(Connection& c, std::int64_t id) {
  return c.execute("INSERT INTO t (id, s) VALUES (?, ?)", {id, std::string("x")});
}
}  // namespace

TEST_CASE_TEMPLATE("a transaction rolls back when it ends without commit", B, STORE_BACKENDS) {
  auto db = openFresh<B>("rollback");
  if (!db) return;
  auto c = lease(*db);
  createTable(*c);
  {
    Transaction tx(*c);
    REQUIRE(tx.started().ok());
    must(insert(*c, 1));
    CHECK(count(*c, "t") == 1);  // visible inside
  }
  CHECK(count(*c, "t") == 0);
}

TEST_CASE_TEMPLATE("a committed transaction is visible to other connections", B, STORE_BACKENDS) {
  auto db = openFresh<B>("commit");
  if (!db) return;
  auto c = lease(*db);
  createTable(*c);
  Transaction tx(*c);
  REQUIRE(tx.started().ok());
  must(insert(*c, 1));
  must(insert(*c, 2));
  must(tx.commit());
  CHECK_FALSE(tx.commit().ok());  // once only

  auto other = lease(*db);
  CHECK(count(*other, "t") == 2);
}

TEST_CASE_TEMPLATE("an error aborts the transaction on both backends", B, STORE_BACKENDS) {
  // PostgreSQL refuses every statement after an error until ROLLBACK; SQLite would carry
  // on, so the backend makes it refuse too: code that works on one works on the other.
  auto db = openFresh<B>("aborted");
  if (!db) return;
  auto c = lease(*db);
  createTable(*c);
  must(insert(*c, 1));
  {
    Transaction tx(*c);
    must(insert(*c, 2));
    auto duplicate = insert(*c, 1);
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.error().kind == DbError::Kind::UniqueViolation);
    CHECK_FALSE(insert(*c, 3).ok());
    CHECK_FALSE(c->query("SELECT 1").ok());
    auto committed = tx.commit();
    REQUIRE_FALSE(committed.ok());
    CHECK(committed.error().message.find("rolled back") != std::string::npos);
  }
  CHECK(count(*c, "t") == 1);  // 2 went with the transaction
  must(insert(*c, 4));           // and the connection works again
  CHECK(count(*c, "t") == 2);
}

TEST_CASE_TEMPLATE("a connection returned with a transaction open is rolled back", B, STORE_BACKENDS) {
  OpenOptions one;
  one.poolSize = 1;  // the next lease gets the same connection
  auto db = openFresh<B>("tidy", one);
  if (!db) return;
  {
    auto c = lease(*db);
    createTable(*c);
    must(c->begin());
    must(insert(*c, 1));
  }
  auto c = lease(*db);
  CHECK(count(*c, "t") == 0);
  Transaction tx(*c);
  CHECK(tx.started().ok());
}

TEST_CASE_TEMPLATE("inTransaction commits the body's work, or rolls back the body's error", B, STORE_BACKENDS) {
  auto db = openFresh<B>("intx");
  if (!db) return;
  auto c = lease(*db);
  createTable(*c);
  auto ok = inTransaction(*c, [](Connection& tx) -> DbResult<Done> {
    if (auto r = insert(tx, 1); !r) return r.error();
    if (auto r = insert(tx, 2); !r) return r.error();
    return Done{};
  });
  CHECK(ok.ok());
  auto failed = inTransaction(*c, [](Connection& tx) -> DbResult<Done> {
    if (auto r = insert(tx, 3); !r) return r.error();
    return DbError{DbError::Kind::Other, "the handler changed its mind"};
  });
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message == "the handler changed its mind");
  CHECK(count(*c, "t") == 2);
}
