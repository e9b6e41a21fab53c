// Writers contending for the same rows: conflicts are Busy, and retried work is not lost.
#include <atomic>
#include <thread>

#include "backends.hpp"

using namespace onestop::central::store;
using namespace onestop::central::store::testing;

namespace {

void createCounter(Database& db) {
  must(lease(db)->execute("CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)"));
  must(lease(db)->execute("INSERT INTO counter (id, n) VALUES (1, 0)"));
}

/// BEGIN, one statement, COMMIT: the first error.
DbResult<Done> writeOnce(Connection& c, const std::string& sql) {
  Transaction tx(c);
  if (!tx.started()) return tx.started();
  if (auto r = c.execute(sql); !r) return r.error();
  return tx.commit();
}

}  // namespace

TEST_CASE_TEMPLATE("a writer that cannot get the lock in time gets Busy", B, STORE_BACKENDS) {
  OpenOptions quick;
  quick.busyTimeoutMs = 100;
  auto db = openFresh<B>("locked", quick);
  if (!db) return;
  createCounter(*db);
  auto first = lease(*db);
  auto second = lease(*db);
  Transaction holder(*first);
  must(first->execute("UPDATE counter SET n = 1 WHERE id = 1"));

  auto blocked = writeOnce(*second, "UPDATE counter SET n = 2 WHERE id = 1");
  REQUIRE_FALSE(blocked.ok());
  CHECK(blocked.error().kind == DbError::Kind::Busy);
  must(holder.commit());
  must(writeOnce(*second, "UPDATE counter SET n = 2 WHERE id = 1"));  // free again
}

TEST_CASE("a lost update is refused as Busy<postgres>") {
  // SERIALIZABLE: the second writer read a value the first has since changed.
  auto db = openFresh<PostgresBackend>("lostupdate");
  if (!db) return;
  createCounter(*db);
  auto a = lease(*db);
  auto b = lease(*db);
  Transaction ta(*a);
  Transaction tb(*b);
  auto seenByA = must(a->query("SELECT n FROM counter WHERE id = 1"))[0].integer(0);
  must(b->query("SELECT n FROM counter WHERE id = 1"));
  must(b->execute("UPDATE counter SET n = n + 10 WHERE id = 1"));
  must(tb.commit());
  auto write = a->execute("UPDATE counter SET n = ? WHERE id = 1", {seenByA + 1});
  REQUIRE_FALSE(write.ok());
  CHECK(write.error().kind == DbError::Kind::Busy);
  CHECK(write.error().message.find("40001") != std::string::npos);
}

TEST_CASE_TEMPLATE("contending read-modify-write transactions lose no update", B, STORE_BACKENDS) {
  // Two "server instances" (separate pools) increment one counter by reading it and writing
  // it back. SQLite queues the writers; PostgreSQL (SERIALIZABLE) refuses conflicting ones
  // with Busy and inTransaction retries them.
  std::string url = freshUrl<B>("contention");
  if (url.empty()) return;
  auto first = must(Database::open(url));
  auto second = must(Database::open(url));
  createCounter(*first);

  constexpr int kThreadsPerInstance = 4;
  constexpr int kIncrements = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (Database* db : {first.get(), second.get()}) {
    for (int t = 0; t < kThreadsPerInstance; ++t) {
      threads.emplace_back([&failures, db] {
        for (int i = 0; i < kIncrements; ++i) {
          auto c = db->acquire();
          if (!c) {
            ++failures;
            continue;
          }
          auto done = inTransaction(
              *c.value(),
              [](Connection& tx) -> DbResult<Done> {
                auto current = tx.query("SELECT n FROM counter WHERE id = 1");
                if (!current) return current.error();
                auto written = tx.execute("UPDATE counter SET n = ? WHERE id = 1", {current->rows.at(0).integer(0) + 1});
                if (!written) return written.error();
                return Done{};
              },
              200);
          if (!done) {
            MESSAGE(done.error().message);
            ++failures;
          }
        }
      });
    }
  }
  for (auto& t : threads) t.join();
  CHECK(failures == 0);
  auto c = lease(*first);
  CHECK(must(c->query("SELECT n FROM counter WHERE id = 1"))[0].integer(0) == 2 * kThreadsPerInstance * kIncrements);
}

