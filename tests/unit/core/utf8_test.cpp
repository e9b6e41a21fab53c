#include <doctest/doctest.h>

#include "core/utf8.hpp"

using namespace onestop::core;

TEST_CASE("decodes BMP and supplementary-plane characters") {
  auto cps = decodeUtf8("李䶮𠈌A");
  REQUIRE(cps.size() == 4);
  CHECK(cps[0] == U'李');
  CHECK(cps[1] == 0x4DAE);
  CHECK(cps[2] == 0x2020C);
  CHECK(cps[3] == U'A');
}

TEST_CASE("malformed UTF-8 becomes replacement characters, never an overrun") {
  CHECK(decodeUtf8("\xF0\xA0").size() == 2);                  // truncated 4-byte sequence
  CHECK(decodeUtf8("\xC0\xAF")[0] == 0xFFFD);                 // overlong '/'
  CHECK(decodeUtf8("\xED\xA0\x80")[0] == 0xFFFD);             // UTF-16 surrogate
  CHECK_FALSE(isValidUtf8("\xFF"));
  CHECK(isValidUtf8("办事指南 𠈌"));
}

TEST_CASE("encode round-trips every plane") {
  std::string s;
  for (char32_t cp : {U'a', U'é', U'办', char32_t{0x2020C}, char32_t{0x31350}}) appendUtf8(s, cp);
  auto back = decodeUtf8(s);
  REQUIRE(back.size() == 5);
  CHECK(back[3] == 0x2020C);
  CHECK(back[4] == 0x31350);
}
