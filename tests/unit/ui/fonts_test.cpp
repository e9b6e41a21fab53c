#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/utf8.hpp"
#include "ui/fonts.hpp"

using namespace onestop;

namespace {
std::vector<std::string> sampleNames() {
  std::vector<std::string> out;
  std::ifstream in(std::filesystem::path(ONESTOP_SOURCE_ROOT) / "assets/display-check-names.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}
}  // namespace

TEST_CASE("the primary CJK face and the rare-character fallbacks are found") {
  auto lib = ui::FontLibrary::locate();
  REQUIRE_MESSAGE(lib.ok(), lib.error());
  REQUIRE_FALSE(lib->faces().empty());
  CHECK(lib->faces()[0].family == "Noto Sans CJK SC");
  CHECK(lib->missingFallbacks().empty());
}

// The promise: no name is ever drawn as boxes, "?" or U+FFFD. Checked in the atlas that the
// kiosk really builds (32-bit ImWchar, FreeType), glyph by glyph.
TEST_CASE("rare-character names get real glyphs in the atlas, Extensions A to G") {
  auto lib = ui::FontLibrary::locate();
  REQUIRE(lib.ok());
  const auto names = sampleNames();
  REQUIRE(names.size() >= 3);
  std::string all;
  for (const auto& n : names) all += n;
  const auto cps = core::decodeUtf8(all);
  // The samples really include Extension A (U+4DAE 䶮) and Extension B (U+2020C 𠈌).
  CHECK(std::find(cps.begin(), cps.end(), char32_t{0x4DAE}) != cps.end());
  CHECK(std::find(cps.begin(), cps.end(), char32_t{0x2020C}) != cps.end());

  ImGui::CreateContext();
  for (auto role : {ui::FontRole::Body, ui::FontRole::Heading, ui::FontRole::Display}) lib->require(all, role);
  const float sizes[] = {40, 54, 76};
  const auto stats = lib->rebuild(*ImGui::GetIO().Fonts, sizes);
  CHECK(stats.glyphs > 0);
  CHECK(stats.width <= 4096);
  for (int role = 0; role < static_cast<int>(ui::FontRole::Count); ++role) {
    ImFont* font = lib->font(static_cast<ui::FontRole>(role));
    REQUIRE(font);
    for (char32_t cp : cps) {
      CAPTURE(static_cast<unsigned>(cp));
      CHECK(lib->covers(cp));
      const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(cp));
      REQUIRE(g != nullptr);
      CHECK(g->Codepoint == cp);
      CHECK(g->Visible);   // has ink: not an empty box
    }
  }
  ImGui::DestroyContext();
}

TEST_CASE("require() marks the atlas dirty only for new characters") {
  auto lib = ui::FontLibrary::locate();
  REQUIRE(lib.ok());
  ImGui::CreateContext();
  const float sizes[] = {20, 24, 30};
  lib->require("办事指南", ui::FontRole::Body);
  lib->rebuild(*ImGui::GetIO().Fonts, sizes);
  CHECK_FALSE(lib->dirty());
  lib->require("办事 guide", ui::FontRole::Body);
  CHECK_FALSE(lib->dirty());
  lib->require("办事", ui::FontRole::Display);   // known at body size, new at display size
  CHECK(lib->dirty());
  lib->rebuild(*ImGui::GetIO().Fonts, sizes);
  CHECK(lib->requiredCount(ui::FontRole::Display) == 2);
  lib->require("𠈌", ui::FontRole::Body);
  CHECK(lib->dirty());
  ImGui::DestroyContext();
}

TEST_CASE("Traditional Chinese puts the TC face first and back again") {
  auto lib = ui::FontLibrary::locate();
  REQUIRE(lib.ok());
  ImGui::CreateContext();
  const float sizes[] = {20, 24, 30};
  lib->rebuild(*ImGui::GetIO().Fonts, sizes);
  lib->preferTraditional(true);
  CHECK(lib->dirty());
  CHECK(lib->faces()[0].family == "Noto Sans CJK TC");
  lib->rebuild(*ImGui::GetIO().Fonts, sizes);
  lib->preferTraditional(true);
  CHECK_FALSE(lib->dirty());
  lib->preferTraditional(false);
  CHECK(lib->faces()[0].family == "Noto Sans CJK SC");
  ImGui::DestroyContext();
}
