#include <doctest/doctest.h>

#include "core/utf8.hpp"
#include "ui/text_layout.hpp"

using namespace onestop::ui;

namespace {
// Every character is 10 px wide: easy to reason about.
float measure(std::string_view s) { return 10.0f * static_cast<float>(onestop::core::decodeUtf8(s).size()); }
}  // namespace

TEST_CASE("Chinese text breaks between characters") {
  auto lines = wrapText("请选择您要办理的业务", 50, measure);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "请选择您要");
  CHECK(lines[1] == "办理的业务");
}

TEST_CASE("closing punctuation never starts a line") {
  auto lines = wrapText("一二三四，五六", 40, measure);
  for (const auto& l : lines) CHECK(l.rfind("，", 0) != 0);
}

TEST_CASE("Latin words stay whole and spaces do not lead a line") {
  auto lines = wrapText("Please choose a service", 100, measure);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "Please");
  CHECK(lines[1] == "choose a");
  CHECK(lines[2] == "service");
}

TEST_CASE("explicit newlines, empty text and over-long words") {
  CHECK(wrapText("a\nb", 1000, measure) == std::vector<std::string>{"a", "b"});
  CHECK(wrapText("", 100, measure) == std::vector<std::string>{""});
  auto lines = wrapText("Supercalifragilistic", 50, measure);
  CHECK(lines.size() == 1);   // a single word too long for the line is not split mid-word
}

TEST_CASE("supplementary-plane characters survive wrapping intact") {
  auto lines = wrapText("测试王𠈌李䶮", 30, measure);
  std::string joined;
  for (const auto& l : lines) joined += l;
  CHECK(joined == "测试王𠈌李䶮");
}
