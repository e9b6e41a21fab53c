// Statements and values, identical on both backends.
#include <cstdint>
#include <limits>

#include "backends.hpp"

using namespace onestop::central::store;
using namespace onestop::central::store::testing;

namespace {
const std::string kRareName = "李䶮 𠈌 😀";  // 䶮 and 𠈌 (U+2020C) outside most fonts; 𠈌 and 😀 are 4-byte UTF-8
}

TEST_CASE_TEMPLATE("every value type round-trips, NULL and extreme integers included", B, STORE_BACKENDS) {
  auto db = openFresh<B>("roundtrip");
  if (!db) return;
  auto c = lease(*db);
  must(c->execute("CREATE TABLE t (id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, s TEXT, n TEXT)"));
  const std::vector<std::vector<Value>> rows = {
      {std::int64_t{1}, std::numeric_limits<std::int64_t>::max(), 0.1, kRareName, nullptr},
      {std::int64_t{2}, std::numeric_limits<std::int64_t>::min(), -1.5e300, std::string(), nullptr},
      {std::int64_t{3}, std::int64_t{0}, 3.0, std::string("it's \"quoted\" \\ and ?"), nullptr},
  };
  for (const auto& row : rows) CHECK(must(c->execute("INSERT INTO t (id, i, r, s, n) VALUES (?, ?, ?, ?, ?)", row)) == 1);

  auto got = must(c->query("SELECT id, i, r, s, n FROM t ORDER BY id"));
  CHECK(got.columns == std::vector<std::string>{"id", "i", "r", "s", "n"});
  REQUIRE(got.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].values == rows[i]);
  }
  CHECK(got[0].text(3) == kRareName);
  CHECK(got[0].isNull(4));

  SUBCASE("parameters without a column read back through the lenient accessors") {
    // PostgreSQL types an untyped `SELECT ?` as text; Row's accessors hide the difference.
    auto r = must(c->query("SELECT ?, ?, ?, ?", {std::int64_t{-42}, 2.5, std::string("𠈌"), nullptr}));
    CHECK(r[0].integer(0) == -42);
    CHECK(r[0].real(1) == 2.5);
    CHECK(r[0].text(2) == "𠈌");
    CHECK(r[0].isNull(3));
    auto cast = must(c->query("SELECT CAST(? AS BIGINT) + 1", {std::numeric_limits<std::int64_t>::max() - 1}));
    CHECK(cast[0].values[0] == Value{std::numeric_limits<std::int64_t>::max()});
  }
  SUBCASE("integer parameters fit integer function arguments") {
    auto r = must(c->query("SELECT substr(s, ?, ?) FROM t WHERE id = ?", {std::int64_t{4}, std::int64_t{1}, std::int64_t{1}}));
    CHECK(r[0].text(0) == "𠈌");
  }
  SUBCASE("4-byte characters are one character and match exactly") {
    auto length = must(c->query("SELECT length(s) FROM t WHERE id = ?", {std::int64_t{1}}));
    CHECK(length[0].integer(0) == 6);
    auto found = must(c->query("SELECT id FROM t WHERE s = ?", {kRareName}));
    REQUIRE(found.size() == 1);
    CHECK(found[0].integer(0) == 1);
  }
}

TEST_CASE_TEMPLATE("a ? inside literals, quoted names and comments is not a placeholder", B, STORE_BACKENDS) {
  auto db = openFresh<B>("literals");
  if (!db) return;
  auto c = lease(*db);
  auto r = must(c->query("SELECT 'what?' AS \"a?\", 'it''s ?' AS b, /* ? */ ? AS c -- and ?\n",
                         {std::string("x")}));
  CHECK(r.columns == std::vector<std::string>{"a?", "b", "c"});
  REQUIRE(r.size() == 1);
  CHECK(r[0].text(0) == "what?");
  CHECK(r[0].text(1) == "it's ?");
  CHECK(r[0].text(2) == "x");
}

TEST_CASE_TEMPLATE("a placeholder count that does not match the values is an error", B, STORE_BACKENDS) {
  auto db = openFresh<B>("count");
  if (!db) return;
  auto c = lease(*db);
  auto r = c->query("SELECT ?, ?", {std::int64_t{1}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == DbError::Kind::Other);
  CHECK(r.error().message.find("2 placeholders but 1 values") != std::string::npos);
}

TEST_CASE_TEMPLATE("a duplicate key is a UniqueViolation whose message holds no values", B, STORE_BACKENDS) {
  auto db = openFresh<B>("unique");
  if (!db) return;
  auto c = lease(*db);
  must(c->execute("CREATE TABLE people (id TEXT PRIMARY KEY, card TEXT UNIQUE)"));
  const std::string idNumber = "410101199001011234";
  must(c->execute("INSERT INTO people (id, card) VALUES (?, ?)", {idNumber, std::string("card-1")}));

  SUBCASE("primary key") {
    auto again = c->execute("INSERT INTO people (id, card) VALUES (?, ?)", {idNumber, std::string("card-2")});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == DbError::Kind::UniqueViolation);
    CHECK(again.error().message.find("INSERT INTO people") != std::string::npos);
    CHECK(again.error().message.find(idNumber) == std::string::npos);
  }
  SUBCASE("unique column") {
    auto again = c->execute("INSERT INTO people (id, card) VALUES (?, ?)", {std::string("other"), std::string("card-1")});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == DbError::Kind::UniqueViolation);
    CHECK(again.error().message.find("card-1") == std::string::npos);
  }
  CHECK(count(*c, "people") == 1);
}

TEST_CASE_TEMPLATE("SQL errors are Other and name the statement", B, STORE_BACKENDS) {
  auto db = openFresh<B>("errors");
  if (!db) return;
  auto c = lease(*db);
  auto r = c->query("SELEKT 1");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == DbError::Kind::Other);
  CHECK(r.error().message.find("SELEKT") != std::string::npos);
  auto missing = c->execute("UPDATE nowhere SET x = 1");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().kind == DbError::Kind::Other);
  CHECK(c->query("SELECT 1; SELECT 2").ok() == false);  // one statement at a time
  CHECK(must(c->query("SELECT 1"))[0].integer(0) == 1);  // still usable
}

TEST_CASE_TEMPLATE("execute counts changed rows, and RETURNING goes through query", B, STORE_BACKENDS) {
  auto db = openFresh<B>("changes");
  if (!db) return;
  auto c = lease(*db);
  CHECK(must(c->execute("CREATE TABLE fees (id BIGINT PRIMARY KEY, fen BIGINT NOT NULL)")) == 0);
  for (std::int64_t id = 1; id <= 3; ++id) must(c->execute("INSERT INTO fees (id, fen) VALUES (?, ?)", {id, id * 100}));
  CHECK(must(c->execute("UPDATE fees SET fen = fen + 1")) == 3);
  CHECK(must(c->execute("DELETE FROM fees WHERE id > ?", {std::int64_t{99}})) == 0);
  CHECK(must(c->execute("SELECT * FROM fees")) == 0);

  auto inserted = must(c->query("INSERT INTO fees (id, fen) VALUES (?, ?) RETURNING id, fen",
                                {std::int64_t{4}, std::int64_t{400}}));
  REQUIRE(inserted.size() == 1);
  CHECK(inserted[0].integer(0) == 4);
  CHECK(inserted[0].integer(1) == 400);
  // Sums of money stay integers on both backends (PostgreSQL's sum(bigint) is numeric).
  auto total = must(c->query("SELECT SUM(fen), COUNT(*) FROM fees"));
  CHECK(total[0].values[0] == Value{std::int64_t{1003}});
  CHECK(total[0].values[1] == Value{std::int64_t{4}});
}

TEST_CASE_TEMPLATE("executeScript runs several statements", B, STORE_BACKENDS) {
  auto db = openFresh<B>("script");
  if (!db) return;
  auto c = lease(*db);
  must(c->executeScript(
      "CREATE TABLE a (x BIGINT);\n"
      "-- a comment\n"
      "INSERT INTO a (x) VALUES (1);\n"
      "INSERT INTO a (x) VALUES (2);\n"));
  CHECK(count(*c, "a") == 2);
  auto bad = c->executeScript("INSERT INTO a (x) VALUES (3); NOT SQL AT ALL;");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == DbError::Kind::Other);
}

TEST_CASE("PostgreSQL data errors do not echo the input<postgres>") {
  auto db = openFresh<PostgresBackend>("dataerror");
  if (!db) return;
  auto c = lease(*db);
  must(c->execute("CREATE TABLE n (v BIGINT)"));
  const std::string personal = "张三 410101199001011234";
  auto r = c->execute("INSERT INTO n (v) VALUES (?)", {personal});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == DbError::Kind::Other);
  CHECK(r.error().message.find("22P02") != std::string::npos);
  CHECK(r.error().message.find("410101") == std::string::npos);
  CHECK(r.error().message.find("张三") == std::string::npos);
}
