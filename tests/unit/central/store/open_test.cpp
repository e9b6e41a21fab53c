// Opening databases: what is refused, and how it is described.
#include <chrono>
#include <filesystem>
#include <fstream>

#include "backends.hpp"

using namespace onestop::central::store;
using namespace onestop::central::store::testing;

namespace {

DbError openError(const std::string& url) {
  auto db = Database::open(url);
  REQUIRE_FALSE(db.ok());
  return db.error();
}

}  // namespace

TEST_CASE("files that cannot be databases are Unavailable<sqlite>") {
  CHECK(openError("sqlite:/nonexistent-dir/x/onestop.db").kind == DbError::Kind::Unavailable);
  CHECK(openError("").kind == DbError::Kind::Unavailable);
  CHECK(openError(":memory:").kind == DbError::Kind::Unavailable);
  CHECK(openError("mysql://db/onestop").kind == DbError::Kind::Unavailable);

  std::string garbage = onestop::test::freshSqlitePath("garbage");
  std::ofstream(garbage) << std::string(4096, 'x');
  auto e = openError(garbage);
  CHECK(e.kind == DbError::Kind::Unavailable);
  CHECK(e.message.find("not a database") != std::string::npos);
}

TEST_CASE("a plain path, sqlite:PATH and sqlite:///PATH name the same file<sqlite>") {
  std::string path = onestop::test::freshSqlitePath("forms");
  auto plain = must(Database::open(path));
  CHECK(plain->dialect() == Dialect::Sqlite);
  CHECK(plain->describe() == "sqlite:" + path);
  must(lease(*plain)->execute("CREATE TABLE t (x BIGINT)"));
  for (const std::string& url : {"sqlite:" + path, "sqlite://" + path}) {
    auto db = must(Database::open(url));
    CHECK(must(lease(*db)->query("SELECT COUNT(*) FROM t"))[0].integer(0) == 0);
  }
}

TEST_CASE("WAL, foreign keys and synchronous are set on every connection<sqlite>") {
  OpenOptions options;
  options.poolSize = 2;
  auto db = must(Database::open(onestop::test::freshSqlitePath("pragmas"), options));
  auto a = lease(*db);
  auto b = lease(*db);
  for (Connection* c : {&*a, &*b}) {
    CHECK(must(c->query("PRAGMA journal_mode"))[0].text(0) == "wal");
    CHECK(must(c->query("PRAGMA foreign_keys"))[0].integer(0) == 1);
    CHECK(must(c->query("PRAGMA synchronous"))[0].integer(0) == 2);  // FULL
  }
}

TEST_CASE("an unreachable server is Unavailable, promptly<postgres>") {
  auto started = std::chrono::steady_clock::now();
  auto refused = openError("postgresql://onestop@127.0.0.1:1/onestop?connect_timeout=2");
  CHECK(refused.kind == DbError::Kind::Unavailable);
  CHECK(refused.message.find("cannot connect") != std::string::npos);
  // TEST-NET-1: nothing answers; the connect timeout ends the wait.
  CHECK(openError("postgresql://onestop@192.0.2.1:5432/onestop?connect_timeout=2").kind ==
        DbError::Kind::Unavailable);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
}

TEST_CASE("a malformed URL is Unavailable and its password stays out of the message<postgres>") {
  auto e = openError("postgresql://onestop:s3cret%zz@[::1/onestop");
  CHECK(e.kind == DbError::Kind::Unavailable);
  CHECK(e.message.find("s3cret") == std::string::npos);
}

TEST_CASE("describe() leaves out user and password<postgres>") {
  std::string url = freshUrl<PostgresBackend>("describe");
  if (url.empty()) return;
  // Trust authentication ignores the password, so the fixture's URL works with one added.
  auto at = url.find('@');
  REQUIRE(at != std::string::npos);
  std::string withPassword = url.substr(0, at) + ":s3cret" + url.substr(at);
  auto db = must(Database::open(withPassword));
  CHECK(db->dialect() == Dialect::Postgres);
  std::string description = db->describe();
  CHECK(description.find("s3cret") == std::string::npos);
  CHECK(description.find("onestop@") == std::string::npos);
  CHECK(description.rfind("postgresql://127.0.0.1:", 0) == 0);
  CHECK(description.find("/describe_") != std::string::npos);
}

TEST_CASE("a database that does not exist is Unavailable<postgres>") {
  std::string url = freshUrl<PostgresBackend>("exists");
  if (url.empty()) return;
  auto slash = url.rfind('/');
  auto e = openError(url.substr(0, slash + 1) + "no_such_database");
  CHECK(e.kind == DbError::Kind::Unavailable);
  CHECK(e.message.find("does not exist") != std::string::npos);
}
