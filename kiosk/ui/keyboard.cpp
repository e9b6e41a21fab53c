#include "ui/keyboard.hpp"

#include <algorithm>
#include <string>

#include "core/i18n_key.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

using Tap = KeyboardTap;

constexpr const char* kLetterRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr int kKeyRows = 5;          // candidates, digits, three letter rows
constexpr float kRowUnits = 11.5f;   // widest row: ten digits and a 1.5-unit delete key

// Smallest key the accessibility rules allow: 88 px at 1080p (targetHeight is 120 there).
float minKeyHeight(const Theme& t) { return t.targetHeight() * 88.0f / 120.0f; }
float keyGap(const Theme& t) { return t.gap() * 0.4f; }
float statusHeight(const UiContext& ui) { return fontSize(ui, FontRole::Body) * ui.theme.lineSpacing(); }

char upper(char c) { return static_cast<char>(c - 'a' + 'A'); }

struct Layout {
  float x, y, width, keyH, unit, gap;
  // Left edge that centres a row of `units` with `keys` keys.
  float rowStart(float units, int keys) const { return x + (width - units * unit - static_cast<float>(keys - 1) * gap) / 2; }
};

// The line above the candidates: the pinyin being composed, or why letters are plain.
void drawStatus(UiContext& ui, const KeyboardView& v, const Layout& l) {
  const Palette& p = ui.theme.palette;
  ImGui::SetCursorScreenPos(ImVec2(l.x, l.y));
  if (v.comp.composing()) {
    text(ui, FontRole::Body, v.comp.preedit, p.primary, l.width);
  } else if (!v.chineseMode) {
    text(ui, FontRole::Body, ui.tr.tr("keyboard.hint.latin"_k), p.mutedText, l.width);
  } else if (v.comp.failed) {
    text(ui, FontRole::Body, ui.tr.tr("keyboard.unavailable"_k), p.warning, l.width);
  } else if (!v.comp.ready) {
    text(ui, FontRole::Body, ui.tr.tr("keyboard.preparing"_k), p.mutedText, l.width);
  } else {
    text(ui, FontRole::Body, ui.tr.tr("keyboard.hint.chinese"_k), p.mutedText, l.width);
  }
}

// Page buttons at both ends, the current page's candidates in equal slots between them
// (the same place for the first candidate every time).
void drawCandidates(UiContext& ui, const input::Composition& c, const Layout& l, float y, std::optional<Tap>& tap) {
  if (!c.composing()) return;
  const float arrowW = 1.5f * l.unit;
  const ImVec2 arrow(arrowW, l.keyH);
  ImGui::SetCursorScreenPos(ImVec2(l.x, y));
  const bool hasPrev = c.page > 0, hasNext = !c.lastPage;
  if (button(ui, "keyboard.page_up", ui.tr.tr("common.page_up"_k), arrow, hasPrev ? ButtonKind::Secondary : ButtonKind::Disabled) && hasPrev)
    tap = Tap{Tap::Kind::PreviousPage};
  ImGui::SetCursorScreenPos(ImVec2(l.x + l.width - arrowW, y));
  if (button(ui, "keyboard.page_down", ui.tr.tr("common.page_down"_k), arrow, hasNext ? ButtonKind::Secondary : ButtonKind::Disabled) && hasNext)
    tap = Tap{Tap::Kind::NextPage};

  const int slots = std::max<int>(5, static_cast<int>(c.candidates.size()));
  const float left = l.x + arrowW + l.gap, span = l.width - 2 * (arrowW + l.gap);
  const float w = (span - static_cast<float>(slots - 1) * l.gap) / static_cast<float>(slots);
  for (int i = 0; i < static_cast<int>(c.candidates.size()); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(i) * (w + l.gap), y));
    // The first candidate is what space would choose: shown as the main one.
    if (button(ui, "keyboard.candidate." + std::to_string(i), c.candidates[static_cast<size_t>(i)], ImVec2(w, l.keyH),
               i == 0 ? ButtonKind::Primary : ButtonKind::Secondary))
      tap = Tap{Tap::Kind::Candidate, 0, i};
  }
}

void drawDigitRow(UiContext& ui, const Layout& l, float y, std::optional<Tap>& tap) {
  float x = l.rowStart(kRowUnits, 11);
  for (char d : std::string("1234567890")) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, std::string("keyboard.digit.") + d, std::string(1, d), ImVec2(l.unit, l.keyH))) tap = Tap{Tap::Kind::Digit, d};
    x += l.unit + l.gap;
  }
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (button(ui, "keyboard.delete", ui.tr.tr("keyboard.delete"_k), ImVec2(1.5f * l.unit, l.keyH))) tap = Tap{Tap::Kind::Backspace};
}

void drawLetters(UiContext& ui, const std::string& row, bool capitals, float x, float y, const Layout& l, std::optional<Tap>& tap) {
  for (char c : row) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, std::string("keyboard.key.") + c, std::string(1, capitals ? upper(c) : c), ImVec2(l.unit, l.keyH)))
      tap = Tap{Tap::Kind::Letter, c};
    x += l.unit + l.gap;
  }
}

// 中 | 英, z … m, space: the row a thumb reaches most.
void drawBottomRow(UiContext& ui, const KeyboardView& v, const Layout& l, float y, bool capitals, std::optional<Tap>& tap) {
  float x = l.rowStart(kRowUnits, 10);
  const ImVec2 key(l.unit, l.keyH);
  const bool chineseOff = v.comp.failed;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  const ButtonKind zh = chineseOff ? ButtonKind::Disabled : v.chineseMode ? ButtonKind::Selected : ButtonKind::Secondary;
  if (button(ui, "keyboard.mode.chinese", ui.tr.tr("keyboard.mode.chinese"_k), key, zh) && !v.chineseMode && !chineseOff)
    tap = Tap{Tap::Kind::ToggleMode};
  ImGui::SetCursorScreenPos(ImVec2(x + l.unit + l.gap, y));
  if (button(ui, "keyboard.mode.latin", ui.tr.tr("keyboard.mode.latin"_k), key,
             v.chineseMode ? ButtonKind::Secondary : ButtonKind::Selected) && v.chineseMode)
    tap = Tap{Tap::Kind::ToggleMode};
  x += 2 * (l.unit + l.gap);
  drawLetters(ui, kLetterRows[2], capitals, x, y, l, tap);
  x += 7 * (l.unit + l.gap);
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (button(ui, "keyboard.space", ui.tr.tr("keyboard.space"_k), ImVec2(2.5f * l.unit, l.keyH))) tap = Tap{Tap::Kind::Space};
}

}  // namespace

float keyboardHeight(const UiContext& ui) {
  const Theme& t = ui.theme;
  return statusHeight(ui) + kKeyRows * (t.targetHeight() + keyGap(t));
}

std::optional<KeyboardTap> drawKeyboard(UiContext& ui, const KeyboardView& view, ImVec2 pos, ImVec2 size) {
  const Theme& t = ui.theme;
  Layout l{};
  l.x = pos.x;
  l.y = pos.y;
  l.width = size.x;
  l.gap = keyGap(t);
  const float fit = (size.y - statusHeight(ui)) / kKeyRows - l.gap;
  l.keyH = std::clamp(fit, minKeyHeight(t), t.targetHeight());
  l.unit = (size.x - 10 * l.gap) / kRowUnits;

  std::optional<Tap> tap;
  drawStatus(ui, view, l);
  float y = pos.y + statusHeight(ui) + l.gap;
  drawCandidates(ui, view.comp, l, y, tap);
  y += l.keyH + l.gap;
  drawDigitRow(ui, l, y, tap);
  y += l.keyH + l.gap;
  // Capitals whenever letters are typed as they are: 英 mode, or Chinese not (yet) available.
  const bool capitals = !view.chineseMode || !view.comp.ready;
  drawLetters(ui, kLetterRows[0], capitals, l.rowStart(10, 10), y, l, tap);
  y += l.keyH + l.gap;
  drawLetters(ui, kLetterRows[1], capitals, l.rowStart(9, 9), y, l, tap);
  y += l.keyH + l.gap;
  drawBottomRow(ui, view, l, y, capitals, tap);
  return tap;
}

std::optional<input::Key> keyFor(const KeyboardTap& tap, const KeyboardView& view) {
  using input::Key;
  switch (tap.kind) {
    case Tap::Kind::Letter:
      if (tap.ch < 'a' || tap.ch > 'z') return std::nullopt;
      if (view.chineseMode && view.comp.ready) return Key::letter(tap.ch);
      return Key::literal(std::string(1, upper(tap.ch)));
    case Tap::Kind::Digit: return Key::literal(std::string(1, tap.ch));
    case Tap::Kind::Space: return Key::space();
    case Tap::Kind::Backspace: return Key::backspace();
    case Tap::Kind::Candidate: return Key::select(tap.index);
    case Tap::Kind::NextPage: return Key::nextPage();
    case Tap::Kind::PreviousPage: return Key::previousPage();
    case Tap::Kind::ToggleMode: return std::nullopt;
  }
  return std::nullopt;
}

void keyboardArea(UiContext& ui, ImVec2 pos, ImVec2 size) {
  KeyboardView view{ui.env.keyboard, ui.env.keyboardChinese};
  const auto tap = drawKeyboard(ui, view, pos, size);
  if (!tap) return;
  if (tap->kind == KeyboardTap::Kind::ToggleMode) {
    if (ui.env.keyboard.composing()) ui.typed.push_back(input::Key::clear());
    ui.env.keyboardChinese = !ui.env.keyboardChinese;
    ui.animating = true;   // no session event: ask for the next frame
  } else if (auto key = keyFor(*tap, view)) {
    ui.typed.push_back(std::move(*key));
  }
}

void typedField(UiContext& ui, ImVec2 pos, ImVec2 size, const std::string& typed, std::size_t chars,
                std::size_t maxChars) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float gap = t.gap();
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), p.surface.imgui(), t.rounding());
  dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), p.primary.imgui(), t.rounding(), 0, 3.0f);
  std::string shown = typed;
  if (ui.env.keyboard.composing()) shown += ui.env.keyboard.preedit;
  ImGui::SetCursorScreenPos(ImVec2(pos.x + gap * 0.5f, pos.y + gap * 0.3f));
  text(ui, FontRole::Body, shown + "|", p.text, size.x - gap);
  const std::string counter = std::to_string(chars) + "/" + std::to_string(maxChars);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x - buttonWidthFor(ui, counter), pos.y + size.y - t.body() * 1.3f));
  text(ui, FontRole::Body, counter, p.mutedText);
}

}  // namespace onestop::ui
