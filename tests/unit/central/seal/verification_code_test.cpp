#include <doctest/doctest.h>

#include <set>

#include "seal/verification_code.hpp"

namespace code = onestop::central::seal::verification_code;

TEST_CASE("generated codes are 12 digits with a valid check digit") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string c = code::generate();
    REQUIRE(c.size() == 12);
    CHECK(c[0] != '0');
    CHECK(code::isWellFormed(c));
    seen.insert(c);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("the check digit is Damm's") {
  CHECK(code::checkDigit("572") == '4');  // the published example
  CHECK(code::checkDigit("") == '0');
  CHECK(code::isWellFormed("123456789018"));
  CHECK(code::checkDigit("12345678901") == '8');
}

TEST_CASE("every single-digit error is caught") {
  for (int n = 0; n < 200; ++n) {
    const std::string c = code::generate();
    for (std::size_t pos = 0; pos < c.size(); ++pos) {
      for (char d = '0'; d <= '9'; ++d) {
        if (d == c[pos]) continue;
        std::string typo = c;
        typo[pos] = d;
        CHECK_FALSE(code::isWellFormed(typo));
      }
    }
  }
}

TEST_CASE("every transposition of adjacent digits is caught") {
  int swaps = 0;
  for (int n = 0; n < 200; ++n) {
    const std::string c = code::generate();
    for (std::size_t pos = 0; pos + 1 < c.size(); ++pos) {
      if (c[pos] == c[pos + 1]) continue;
      std::string swapped = c;
      std::swap(swapped[pos], swapped[pos + 1]);
      CHECK_FALSE(code::isWellFormed(swapped));
      ++swaps;
    }
  }
  CHECK(swaps > 1000);
  // And exhaustively for every digit pair, in every position of a fixed code.
  for (std::size_t pos = 0; pos + 1 < 11; ++pos) {
    for (char a = '0'; a <= '9'; ++a) {
      for (char b = '0'; b <= '9'; ++b) {
        if (a == b) continue;
        std::string body = "31415926535";
        body[pos] = a;
        body[pos + 1] = b;
        std::string swapped = body;
        std::swap(swapped[pos], swapped[pos + 1]);
        CHECK(code::checkDigit(body) != code::checkDigit(swapped));
      }
    }
  }
}

TEST_CASE("codes are printed in groups of four and read back however typed") {
  const std::string c = code::generate();
  const std::string printed = code::formatForPrint(c);
  CHECK(printed.size() == 14);
  CHECK(printed[4] == ' ');
  CHECK(printed[9] == ' ');
  CHECK(code::normalize(printed) == c);
  CHECK(code::normalize(c) == c);
  CHECK(code::normalize(c.substr(0, 4) + "-" + c.substr(4, 4) + "-" + c.substr(8)) == c);
  CHECK(code::normalize(" " + c + " ") == c);
  CHECK_FALSE(code::normalize(c.substr(0, 11)).has_value());
  CHECK_FALSE(code::normalize(c + "0").has_value());
  CHECK_FALSE(code::normalize(c.substr(0, 11) + "a").has_value());
  CHECK_FALSE(code::normalize("").has_value());
  CHECK_FALSE(code::normalize(std::string(1000, '1')).has_value());
  CHECK_FALSE(code::isWellFormed("１２３４５６７８９０１８"));  // full-width digits
}
