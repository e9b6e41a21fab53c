#pragma once
// The kiosk's few widgets, all drawn at the ImGui cursor. Every one registers its text
// with the font atlas and the frame log, so glyphs are never missing and scenarios can
// find what is on screen.
#include <imgui.h>

#include <optional>
#include <string_view>

#include "ui/context.hpp"

namespace onestop::ui {

enum class ButtonKind { Primary, Secondary, Selected, Disabled };

/// Wrapped text at the cursor; returns its height. `width` 0 = to the window's right edge.
float text(UiContext& ui, FontRole role, std::string_view s, Rgb colour, float width = 0, bool centred = false);

/// Height that text() would take.
float measureText(UiContext& ui, FontRole role, std::string_view s, float width);

/// A large touch button with a stable id ("Label###id"), optional second line.
bool button(UiContext& ui, std::string_view id, std::string_view label, ImVec2 size,
            ButtonKind kind = ButtonKind::Secondary, std::string_view sublabel = {});

/// Width a button needs for its label with comfortable padding.
float buttonWidthFor(UiContext& ui, std::string_view label, FontRole role = FontRole::Body);

float fontSize(const UiContext& ui, FontRole role);

/// A big telephone-style keypad (1 2 3 / 4 5 6 / 7 8 9 / clear 0 delete) filling the given
/// rectangle; ids `<idPrefix><key>`. Returns the key tapped: '0'–'9', 'C' (clear), '<' (delete).
std::optional<char> keypad(UiContext& ui, std::string_view idPrefix, ImVec2 at, float width, float height);

}  // namespace onestop::ui
