// Argon2id password hashes for staff accounts.
#include <doctest/doctest.h>

#include "web/passwords.hpp"

namespace onestop::central::web::test {

TEST_CASE("a staff password is stored as an Argon2id hash that verifies only the same password") {
  const auto hash = hashPassword("correct horse battery");
  REQUIRE(hash.ok());
  CHECK(hash.value().rfind("$argon2id$", 0) == 0);
  CHECK(hash.value().find("correct") == std::string::npos);
  CHECK(verifyPassword(hash.value(), "correct horse battery"));
  CHECK_FALSE(verifyPassword(hash.value(), "correct horse batterY"));
  CHECK_FALSE(verifyPassword(hash.value(), ""));
  CHECK_FALSE(verifyPassword("", "correct horse battery"));
  CHECK_FALSE(verifyPassword("$argon2id$garbage", "correct horse battery"));
  CHECK(hashPassword("correct horse battery").value() != hash.value());  // salted
}

TEST_CASE("passwords that are too short or too long are refused") {
  CHECK(passwordProblem("short").has_value());
  CHECK_FALSE(hashPassword("123456789").ok());
  CHECK_FALSE(passwordProblem("1234567890").has_value());
  CHECK(passwordProblem(std::string(129, 'x')).has_value());
  CHECK_FALSE(verifyPassword(hashPassword("1234567890").value(), std::string(100000, 'x')));
}

}  // namespace onestop::central::web::test
