// The pool under concurrent use, and replacing broken connections.
#include <atomic>
#include <chrono>
#include <thread>

#include "backends.hpp"

using namespace onestop::central::store;
using namespace onestop::central::store::testing;

TEST_CASE_TEMPLATE("threads sharing a small pool lose no inserts", B, STORE_BACKENDS) {
  OpenOptions options;
  options.poolSize = 4;  // fewer connections than threads: acquire() must wait
  auto db = openFresh<B>("threads", options);
  if (!db) return;
  must(lease(*db)->execute("CREATE TABLE hits (thread BIGINT, n BIGINT, PRIMARY KEY (thread, n))"));

  constexpr int kThreads = 8;
  constexpr int kInserts = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0; n < kInserts; ++n) {
        auto c = db->acquire();
        if (!c || !c.value()->execute("INSERT INTO hits (thread, n) VALUES (?, ?)", {std::int64_t{t}, std::int64_t{n}})) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(failures == 0);
  CHECK(count(*lease(*db), "hits") == kThreads * kInserts);
}

TEST_CASE_TEMPLATE("acquire waits for a free connection", B, STORE_BACKENDS) {
  OpenOptions options;
  options.poolSize = 1;
  auto db = openFresh<B>("wait", options);
  if (!db) return;
  std::atomic<bool> acquired{false};
  std::thread waiter;
  {
    auto held = lease(*db);
    waiter = std::thread([&] {
      auto c = db->acquire();
      acquired = c.ok();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(acquired.load());
  }
  waiter.join();
  CHECK(acquired.load());
}

TEST_CASE("a broken connection is replaced on the next acquire<postgres>") {
  OpenOptions options;
  options.poolSize = 2;
  auto db = openFresh<PostgresBackend>("broken", options);
  if (!db) return;
  {
    auto victim = lease(*db);
    auto pid = must(victim->query("SELECT pg_backend_pid()"))[0].integer(0);
    {
      auto killer = lease(*db);
      CHECK(must(killer->query("SELECT pg_terminate_backend(?)", {pid}))[0].integer(0) == 1);
    }
    auto lost = victim->query("SELECT 1");
    REQUIRE_FALSE(lost.ok());
    CHECK(lost.error().kind == DbError::Kind::Unavailable);
  }
  // Both connections go back to the pool; the broken one must not be handed out again.
  for (int i = 0; i < 3; ++i) {
    auto a = lease(*db);
    auto b = lease(*db);
    CHECK(must(a->query("SELECT 1"))[0].integer(0) == 1);
    CHECK(must(b->query("SELECT 1"))[0].integer(0) == 1);
  }
}
