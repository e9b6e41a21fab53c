#include <doctest/doctest.h>

#include "app/options.hpp"

using onestop::app::parseOptions;

TEST_CASE("command-line options: demo with an embedded central server, and refusals") {
  auto o = parseOptions({"--demo", "--central", "out", "--headless"});
  REQUIRE(o.ok());
  CHECK(o->demo);
  CHECK(o->centralDir == "out");
  CHECK(o->headless);
  auto bad = parseOptions({"--central", "out"});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("--demo") != std::string::npos);
  CHECK_FALSE(parseOptions({"--demo", "--central"}).ok());
  CHECK_FALSE(parseOptions({"--window", "10x10"}).ok());
  CHECK_FALSE(parseOptions({"--bogus"}).ok());
}
