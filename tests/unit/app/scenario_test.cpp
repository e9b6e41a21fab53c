#include <doctest/doctest.h>

#include "app/scenario.hpp"

using namespace onestop;
using namespace onestop::app;

TEST_CASE("parses steps, quotes and comments") {
  auto s = parseScenario("# a comment\n\ntap \"办事指南\"\nwait \"Service guide\" 3\nscreenshot home\n", "t.scn");
  REQUIRE_MESSAGE(s.ok(), s.error());
  REQUIRE(s->size() == 3);
  CHECK(s.value()[0].verb == "tap");
  CHECK(s.value()[0].args[0] == "办事指南");
  CHECK(s.value()[0].line == 3);
  CHECK(s.value()[1].args[1] == "3");
}

TEST_CASE("malformed scenarios are refused with file and line") {
  auto unknown = parseScenario("tapp x\n", "t.scn");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().find("t.scn:1") != std::string::npos);
  CHECK(unknown.error().find("tapp") != std::string::npos);
  CHECK_FALSE(parseScenario("tap \"unterminated\n", "t.scn").ok());
  CHECK_FALSE(parseScenario("tap\n", "t.scn").ok());
  CHECK_FALSE(parseScenario("wait x soon\n", "t.scn").ok());
  CHECK_FALSE(parseScenario("screenshot ../../etc/x\n", "t.scn").ok());
  CHECK_FALSE(parseScenario("# only comments\n", "t.scn").ok());
  CHECK(parseScenario("card present worker\n", "t.scn", {{"card", 1}}).ok());
}

TEST_CASE("runner taps widgets by id or label and checks text") {
  auto steps = parseScenario("tap home.guide\ntap 返回\nexpect 办事指南\nexpect-not 不存在\n", "t.scn");
  REQUIRE(steps.ok());
  ScenarioRunner r(steps.value(), "/tmp");
  ui::FrameLog log;
  log.addWidget({"home.guide", "办事指南", 10, 20, 100, 50});
  log.addWidget({"nav.back", "返回", 0, 0, 40, 40});
  const auto now = ScenarioRunner::Clock::now();
  auto a = r.advance(log, now);
  REQUIRE(std::holds_alternative<act::TapAt>(a));
  CHECK(std::get<act::TapAt>(a).x == doctest::Approx(60));
  CHECK(std::get<act::TapAt>(a).y == doctest::Approx(45));
  CHECK(std::holds_alternative<act::TapAt>(r.advance(log, now)));
  CHECK(std::holds_alternative<act::None>(r.advance(log, now)));
  CHECK(std::holds_alternative<act::None>(r.advance(log, now)));
  CHECK(std::holds_alternative<act::Finished>(r.advance(log, now)));
}

TEST_CASE("runner fails a step, naming it, when the screen does not match") {
  auto steps = parseScenario("wait 永远不会出现 0.1\n", "t.scn");
  REQUIRE(steps.ok());
  ScenarioRunner r(steps.value(), "/tmp");
  ui::FrameLog log;
  const auto t0 = ScenarioRunner::Clock::now();
  CHECK(std::holds_alternative<act::None>(r.advance(log, t0)));
  CHECK(r.wakeAt().has_value());
  auto a = r.advance(log, t0 + std::chrono::milliseconds(200));
  REQUIRE(std::holds_alternative<act::Failed>(a));
  CHECK(std::get<act::Failed>(a).message.find("line 1") != std::string::npos);

  auto tap = parseScenario("tap nowhere\n", "t.scn");
  ScenarioRunner r2(tap.value(), "/tmp");
  auto f = r2.advance(log, t0);
  REQUIRE(std::holds_alternative<act::Failed>(f));
}
