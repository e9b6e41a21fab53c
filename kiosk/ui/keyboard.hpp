#pragma once
// The on-screen keyboard for typing an address: pinyin with a candidate bar (中) or plain
// capitals (英), digits, space and delete. It only draws a read-only view and says what
// was tapped; the app turns taps into engine keys (keyFor) or its own events.
#include <imgui.h>

#include <cstddef>
#include <optional>
#include <string>

#include "input/composition.hpp"
#include "ui/context.hpp"

namespace onestop::ui {

struct KeyboardView {
  input::Composition comp;   ///< the engine's latest state (PinyinInput::take/peek)
  bool chineseMode = true;   ///< 中: letters are pinyin; 英: letters are typed as capitals
};

struct KeyboardTap {
  enum class Kind { Letter, Digit, Space, Backspace, Candidate, NextPage, PreviousPage, ToggleMode };
  Kind kind = Kind::Letter;
  char ch = 0;      ///< Letter: 'a'–'z'; Digit: '0'–'9'
  int index = -1;   ///< Candidate: index on the current page
};

/// Height the keyboard wants at the current theme (it shrinks keys, never below 88 px at
/// 1080p, when given less).
float keyboardHeight(const UiContext& ui);

/// Draws the keyboard into the rectangle; returns what was tapped this frame.
std::optional<KeyboardTap> drawKeyboard(UiContext& ui, const KeyboardView& view, ImVec2 pos, ImVec2 size);

/// The engine key for a tap. Letters are pinyin only in 中 mode with the engine ready,
/// otherwise literal capitals ("A座"). ToggleMode is the app's (nullopt): flip
/// chineseMode, and drop a composition first (post Key::clear()).
std::optional<input::Key> keyFor(const KeyboardTap& tap, const KeyboardView& view);

/// The keyboard of a text field, as screens use it: drawn from ui.env's engine state, its taps
/// queued in ui.typed for the pinyin engine (the text comes back as ev::TypedText), the 中/英
/// switch flipped here.
void keyboardArea(UiContext& ui, ImVec2 pos, ImVec2 size);

/// The framed field the keyboard types into: the text so far, the composition being typed,
/// a caret, and "chars/maxChars" at its bottom right.
void typedField(UiContext& ui, ImVec2 pos, ImVec2 size, const std::string& typed, std::size_t chars,
                std::size_t maxChars);

}  // namespace onestop::ui
