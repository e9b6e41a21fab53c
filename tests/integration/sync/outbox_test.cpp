// The outbox: durable, sealed at rest, in order per citizen, never dropped.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "support/test_db.hpp"
#include "sync/outbox.hpp"

using namespace onestop::sync;

namespace {

struct Paths {
  std::string db, key;
};
Paths freshPaths() {
  const auto base = onestop::test::freshSqlitePath("outbox");
  return {base, base + ".key"};
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

HttpRequest filing(const std::string& phone) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/v1/me/filings";
  r.headers["Authorization"] = "Bearer token-of-the-session";
  r.body = R"({"service":"change_phone","details":{"phone":")" + phone + R"("},"name":"测试䶮𠈌","id":"330106199506180469"})";
  return r;
}

}  // namespace

TEST_CASE("an enqueued item survives a reopen and is sealed on disk") {
  const auto p = freshPaths();
  std::string key;
  {
    auto box = Outbox::open(p.db, p.key);
    REQUIRE_MESSAGE(box.ok(), box.error());
    auto item = box.value()->enqueue("filing", "citizen-a", filing("13912345678"), 1000);
    REQUIRE(item.ok());
    key = item->idempotencyKey;
    CHECK(item->request.headers.at("Idempotency-Key") == key);
    CHECK(key.size() >= 8);
  }
  struct stat st {};
  REQUIRE(::stat(p.key.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  // Neither the database nor its WAL holds the name, the ID number or the phone number.
  for (const auto& file : {p.db, p.db + "-wal"}) {
    if (!std::filesystem::exists(file)) continue;
    const auto bytes = readAll(file);
    CHECK(bytes.find("330106199506180469") == std::string::npos);
    CHECK(bytes.find("测试") == std::string::npos);
    CHECK(bytes.find("13912345678") == std::string::npos);
  }
  auto box = Outbox::open(p.db, p.key);
  REQUIRE(box.ok());
  auto due = box.value()->due(1000, 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  CHECK(due.value()[0].idempotencyKey == key);
  CHECK(due.value()[0].request.body.find("13912345678") != std::string::npos);
  CHECK(due.value()[0].request.headers.at("Idempotency-Key") == key);
  CHECK(box.value()->intact());
  CHECK(box.value()->remove(due.value()[0].id).value());
  CHECK(box.value()->counts()->pending == 0);
}

TEST_CASE("one citizen's items go out in order, retries back off and long failures are flagged") {
  const auto p = freshPaths();
  OutboxPolicy policy;
  policy.flagAfterAttempts = 3;
  auto box = Outbox::open(p.db, p.key, policy);
  REQUIRE(box.ok());
  auto& b = *box.value();
  const auto first = b.enqueue("filing", "citizen-a", filing("13900000001"), 100).value();
  const auto second = b.enqueue("filing", "citizen-a", filing("13900000002"), 101).value();
  const auto other = b.enqueue("rating", "citizen-b", filing("13900000003"), 102).value();
  auto due = b.due(200, 10).value();
  REQUIRE(due.size() == 2);   // citizen-a's first, citizen-b's only
  CHECK(due[0].id == first.id);
  CHECK(due[1].id == other.id);

  // Retry-After wins over a shorter backoff; the item is not due before it.
  REQUIRE(b.retryLater(first.id, 200, 120, "HTTP 503").value());
  due = b.due(250, 10).value();
  CHECK(due.size() == 1);   // citizen-a waits: its second may not overtake the first
  CHECK(due[0].id == other.id);
  due = b.due(321, 10).value();
  CHECK(due.size() == 2);
  REQUIRE(b.retryLater(first.id, 400, 0, "timeout").value());
  REQUIRE(b.retryLater(first.id, 800, 0, "timeout").value());
  CHECK(b.counts()->flagged == 1);   // 3 failed attempts: an operator should look
  CHECK(b.counts()->pending == 3);    // but nothing is dropped
  CHECK(b.remove(first.id).value());
  due = b.due(100000, 10).value();
  CHECK(due.size() == 2);
  CHECK(due[0].id == second.id);
}

TEST_CASE("a key file others can read, or another key, is refused clearly") {
  const auto p = freshPaths();
  {
    auto box = Outbox::open(p.db, p.key);
    REQUIRE(box.ok());
    REQUIRE(box.value()->enqueue("filing", "c", filing("13900000001"), 1).ok());
  }
  ::chmod(p.key.c_str(), 0644);
  auto refused = Outbox::open(p.db, p.key);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("chmod 600") != std::string::npos);
  ::chmod(p.key.c_str(), 0600);
  // The same database with another key cannot unseal its items: an error, not garbage.
  auto other = Outbox::open(p.db, p.key + ".other");
  REQUIRE(other.ok());
  auto due = other.value()->due(10, 10);
  CHECK_FALSE(due.ok());
}

TEST_CASE("backoff is full jitter under a cap") {
  Backoff b;
  CHECK(b.delay(0, 0.999) < 1.0);
  CHECK(b.delay(3, 0.5) == doctest::Approx(4.0));
  CHECK(b.delay(20, 0.999) <= 300.0);
  CHECK(b.delay(20, 0.0) == 0.0);
  for (int i = 0; i < 100; ++i) {
    const double u = randomUnit();
    CHECK(u >= 0.0);
    CHECK(u < 1.0);
  }
}
