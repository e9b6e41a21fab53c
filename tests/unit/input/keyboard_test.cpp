#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <optional>
#include <string>

#include "i18n/catalogs.hpp"
#include "ui/keyboard.hpp"

using namespace onestop;
using ui::KeyboardTap;
using ui::KeyboardView;
using Tap = KeyboardTap::Kind;

namespace {

i18n::Catalogs loadCatalogs() {
  auto c = i18n::Catalogs::load(std::filesystem::path(ONESTOP_SOURCE_ROOT) / "i18n");
  REQUIRE_MESSAGE(c.ok(), c.error());
  return std::move(c.value());
}

// One ImGui context drawing only the keyboard, at 1080p, with ImGui's built-in font (the
// layout does not depend on glyphs); taps are a press and a release over a widget.
class Harness {
 public:
  explicit Harness(bool large = false) : catalogs_(loadCatalogs()), ui(fonts_, catalogs_, "zh-CN") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1920, 1080);
    io.DeltaTime = 1.0f / 60;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ImGui::GetStyle().WindowPadding = ImVec2(0, 0);
    ui.theme = ui::makeTheme(1080, large);
  }
  ~Harness() { ImGui::DestroyContext(); }
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  std::optional<KeyboardTap> frame(const KeyboardView& v) {
    ui.log.clear();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("keyboard", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    auto tap = ui::drawKeyboard(ui, v, pos, size);
    ImGui::End();
    ImGui::Render();
    return tap;
  }

  std::optional<KeyboardTap> tap(const KeyboardView& v, const std::string& id) {
    frame(v);
    const ui::WidgetRecord* w = ui.log.findWidget(id);
    REQUIRE_MESSAGE(w, id);
    REQUIRE(w->id == id);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(w->centreX(), w->centreY());
    io.MouseDown[0] = true;
    auto during = frame(v);
    io.MouseDown[0] = false;
    auto after = frame(v);
    io.MousePos = ImVec2(-1, -1);
    frame(v);
    return during ? during : after;
  }

  ImVec2 pos{48, 300}, size{1824, 760};

 private:
  i18n::Catalogs catalogs_;
  ui::FontLibrary fonts_;

 public:
  ui::UiContext ui;
};

KeyboardView composing() {
  KeyboardView v;
  v.comp.ready = true;
  v.comp.preedit = "bei jing";
  v.comp.candidates = {"北京", "背景", "背净", "被", "北"};
  v.comp.page = 0;
  v.comp.lastPage = false;
  return v;
}

KeyboardView idle() {
  KeyboardView v;
  v.comp.ready = true;
  return v;
}

}  // namespace

TEST_CASE("every key is a touch target of at least 88 px at 1080p, even squeezed") {
  for (bool large : {false, true}) {
    Harness h(large);
    CAPTURE(large);
    for (float height : {ui::keyboardHeight(h.ui), 500.0f}) {
      CAPTURE(height);
      h.size = ImVec2(1824, height);
      h.pos = ImVec2(48, 0);
      h.frame(composing());
      int keys = 0;
      for (const auto& w : h.ui.log.widgets()) {
        if (w.id.rfind("keyboard.", 0) != 0) continue;
        ++keys;
        CAPTURE(w.id);
        CHECK(w.h >= 88);
        CHECK(w.w >= 88);
        CHECK(w.x >= h.pos.x - 0.5f);
        CHECK(w.x + w.w <= h.pos.x + h.size.x + 0.5f);
      }
      CHECK(keys == 26 + 10 + 2 + 2 + 2 + 5);   // letters, digits, delete/space, 中/英, pages, candidates
    }
  }
}

TEST_CASE("the wanted height holds all rows without overlap") {
  Harness h;
  h.size = ImVec2(1824, ui::keyboardHeight(h.ui));
  h.frame(composing());
  const auto& ws = h.ui.log.widgets();
  for (std::size_t i = 0; i < ws.size(); ++i) {
    CHECK(ws[i].y + ws[i].h <= h.pos.y + h.size.y + 0.5f);
    for (std::size_t j = i + 1; j < ws.size(); ++j) {
      const bool apart = ws[i].x + ws[i].w <= ws[j].x || ws[j].x + ws[j].w <= ws[i].x ||
                         ws[i].y + ws[i].h <= ws[j].y || ws[j].y + ws[j].h <= ws[i].y;
      CAPTURE(ws[i].id);
      CAPTURE(ws[j].id);
      CHECK(apart);
    }
  }
}

TEST_CASE("idle in Chinese mode: letters, digits, no candidate bar, a hint") {
  Harness h;
  h.frame(idle());
  CHECK(h.ui.log.findWidget("keyboard.key.q"));
  CHECK(h.ui.log.findWidget("keyboard.key.q")->label == "q");
  CHECK(h.ui.log.findWidget("keyboard.digit.0"));
  CHECK(h.ui.log.findWidget("keyboard.space"));
  CHECK(h.ui.log.findWidget("keyboard.delete"));
  CHECK_FALSE(h.ui.log.findWidget("keyboard.candidate.0"));
  CHECK_FALSE(h.ui.log.findWidget("keyboard.page_down"));
  CHECK(h.ui.log.showsText(h.ui.tr.tr("keyboard.hint.chinese")));
}

TEST_CASE("taps come back as what was tapped") {
  Harness h;
  const KeyboardView v = composing();
  auto t = h.tap(v, "keyboard.key.q");
  REQUIRE(t);
  CHECK(t->kind == Tap::Letter);
  CHECK(t->ch == 'q');
  t = h.tap(v, "keyboard.digit.7");
  REQUIRE(t);
  CHECK(t->kind == Tap::Digit);
  CHECK(t->ch == '7');
  t = h.tap(v, "keyboard.candidate.1");
  REQUIRE(t);
  CHECK(t->kind == Tap::Candidate);
  CHECK(t->index == 1);
  t = h.tap(v, "keyboard.page_down");
  REQUIRE(t);
  CHECK(t->kind == Tap::NextPage);
  CHECK_FALSE(h.tap(v, "keyboard.page_up"));   // already on the first page
  t = h.tap(v, "keyboard.space");
  REQUIRE(t);
  CHECK(t->kind == Tap::Space);
  t = h.tap(v, "keyboard.delete");
  REQUIRE(t);
  CHECK(t->kind == Tap::Backspace);
  CHECK_FALSE(h.tap(v, "keyboard.mode.chinese"));   // already Chinese
  t = h.tap(v, "keyboard.mode.latin");
  REQUIRE(t);
  CHECK(t->kind == Tap::ToggleMode);
}

TEST_CASE("the preedit is shown above the candidates") {
  Harness h;
  h.frame(composing());
  CHECK(h.ui.log.showsText("bei jing"));
  CHECK(h.ui.log.findWidget("keyboard.candidate.0")->label == "北京");
}

TEST_CASE("letters are pinyin only in Chinese mode with the engine ready") {
  const KeyboardTap q{Tap::Letter, 'q'};
  KeyboardView v = idle();
  auto k = ui::keyFor(q, v);
  REQUIRE(k);
  CHECK(k->kind == input::Key::Kind::Letter);
  CHECK(k->ch == 'q');
  v.chineseMode = false;
  k = ui::keyFor(q, v);
  REQUIRE(k);
  CHECK(k->kind == input::Key::Kind::Text);
  CHECK(k->text == "Q");
  v.chineseMode = true;
  v.comp.ready = false;
  CHECK(ui::keyFor(q, v)->text == "Q");
  CHECK(ui::keyFor({Tap::Digit, '3'}, v)->text == "3");
  CHECK(ui::keyFor({Tap::Candidate, 0, 2}, v)->index == 2);
  CHECK_FALSE(ui::keyFor({Tap::ToggleMode}, v));
}

TEST_CASE("while preparing and after a failure the keyboard says so and types capitals") {
  Harness h;
  KeyboardView v;   // not ready yet
  h.frame(v);
  CHECK(h.ui.log.showsText(h.ui.tr.tr("keyboard.preparing")));
  CHECK(h.ui.log.findWidget("keyboard.key.q")->label == "Q");
  v.comp.failed = true;
  h.frame(v);
  CHECK(h.ui.log.showsText(h.ui.tr.tr("keyboard.unavailable")));
  v.chineseMode = false;
  CHECK_FALSE(h.tap(v, "keyboard.mode.chinese"));   // nothing to switch to
}
