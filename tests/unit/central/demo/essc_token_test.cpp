#include <doctest/doctest.h>

#include "demo/essc_token.hpp"

using namespace onestop::central::demo;

TEST_CASE("e-SSC demo tokens: fixed shape, derived from the key, stored as SHA-256") {
  const std::string token = demoEsscToken("worker");
  CHECK(token == demoEsscToken("worker"));
  CHECK(token != demoEsscToken("arrears"));
  REQUIRE(token.size() == 6 + 32);
  CHECK(token.rfind("ESSC1.", 0) == 0);
  for (char c : token.substr(6)) CHECK(((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')));
  CHECK(esscTokenHash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(esscTokenHash(token).size() == 64);
  CHECK(syntheticEsscToken(1, 0) != syntheticEsscToken(1, 1));
  CHECK(syntheticEsscToken(1, 0) != syntheticEsscToken(2, 0));
  CHECK(kDemoEsscExpiresAt == 4102444800);
}
