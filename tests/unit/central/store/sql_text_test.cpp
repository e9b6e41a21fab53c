// Pure text helpers: placeholder numbering, log-safe messages, Row's lenient accessors.
#include <doctest/doctest.h>

#include <limits>

#include "store/database.hpp"
#include "store/error_text.hpp"
#include "store/placeholders.hpp"

using namespace onestop::central::store;

TEST_CASE("placeholders are numbered in order") {
  auto n = numberPlaceholders("INSERT INTO t (a, b) VALUES (?, ?)");
  CHECK(n.sql == "INSERT INTO t (a, b) VALUES ($1, $2)");
  CHECK(n.placeholders == 2);
  CHECK(numberPlaceholders("SELECT 1").placeholders == 0);
  CHECK(numberPlaceholders("?,?,?,?,?,?,?,?,?,?,?").sql == "$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11");
}

TEST_CASE("a ? in literals, quoted identifiers and comments is left alone") {
  CHECK(numberPlaceholders("SELECT 'a?b', ?").sql == "SELECT 'a?b', $1");
  CHECK(numberPlaceholders("SELECT 'it''s ?', ?").sql == "SELECT 'it''s ?', $1");
  CHECK(numberPlaceholders("SELECT E'\\'?', ?").sql == "SELECT E'\\'?', $1");
  CHECK(numberPlaceholders("SELECT 'a\\', ?").sql == "SELECT 'a\\', $1");  // no E: backslash is plain
  CHECK(numberPlaceholders("SELECT \"odd?name\", \"a\"\"?\" FROM t WHERE x = ?").sql ==
        "SELECT \"odd?name\", \"a\"\"?\" FROM t WHERE x = $1");
  CHECK(numberPlaceholders("SELECT ? -- why?\n, ?").sql == "SELECT $1 -- why?\n, $2");
  CHECK(numberPlaceholders("SELECT /* ? /* nested ? */ ? */ ?").sql == "SELECT /* ? /* nested ? */ ? */ $1");
  CHECK(numberPlaceholders("SELECT $$ ? $$, $tag$ it's ? $tag$, ?").sql == "SELECT $$ ? $$, $tag$ it's ? $tag$, $1");
  CHECK(numberPlaceholders("SELECT a$b, ?").sql == "SELECT a$b, $1");
  CHECK(numberPlaceholders("SELECT '𠈌?', ?").sql == "SELECT '𠈌?', $1");
}

TEST_CASE("unterminated literals and comments are passed on for the server to refuse") {
  CHECK(numberPlaceholders("SELECT 'open ?").sql == "SELECT 'open ?");
  CHECK(numberPlaceholders("SELECT ? /* open ?").sql == "SELECT $1 /* open ?");
  CHECK(numberPlaceholders("SELECT $x$ ?").sql == "SELECT $x$ ?");
}

TEST_CASE("a statement is named by its first words") {
  CHECK(statementHead("  SELECT\n  1 ") == "SELECT 1");
  auto head = statementHead("INSERT INTO citizens (id, name, card_number, address, phone, email) VALUES (?, ?)");
  CHECK(head.size() < 60);
  CHECK(head.rfind("INSERT INTO citizens (id, name,", 0) == 0);
  CHECK(head.substr(head.size() - 4) == " …");
}

TEST_CASE("data error messages lose the input they quote") {
  CHECK(withoutInput("invalid input syntax for type bigint: \"张三\"") == "invalid input syntax for type bigint: …");
  CHECK(withoutInput("value \"99999999999999999999\" is out of range for type bigint") ==
        "value \"…\" is out of range for type bigint");
  CHECK(withoutInput("invalid byte sequence for encoding \"UTF8\": 0xf0 0x28") ==
        "invalid byte sequence for encoding \"…\": …");
  CHECK(withoutInput("division by zero") == "division by zero");
}

TEST_CASE("Row accessors are lenient about NULL and numbers as text") {
  Row row{{nullptr, std::int64_t{42}, 2.5, std::string("17"), std::string("x"), std::string("3.75"),
           1e300, std::numeric_limits<std::int64_t>::min()}};
  CHECK(row.isNull(0));
  CHECK(row.text(0).empty());
  CHECK(row.integer(0) == 0);
  CHECK(row.real(0) == 0.0);
  CHECK(row.text(1) == "42");
  CHECK(row.real(1) == 42.0);
  CHECK(row.text(2) == "2.5");
  CHECK(row.integer(2) == 2);
  CHECK(row.integer(3) == 17);
  CHECK(row.real(3) == 17.0);
  CHECK(row.integer(4) == 0);
  CHECK(row.integer(5) == 3);
  CHECK(row.real(5) == 3.75);
  CHECK(row.integer(6) == 0);  // out of range: not undefined behaviour
  CHECK(row.text(7) == "-9223372036854775808");
  CHECK(row.isNull(99));  // past the end: treated as NULL
  CHECK(row.text(99).empty());
}
