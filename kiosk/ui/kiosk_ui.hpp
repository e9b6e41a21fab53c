#pragma once
// Draws one whole kiosk frame: banner (hall name, date and time), the toolbar present on
// every screen (back, home, language, large text, voice), and the current screen.
#include <set>

#include "core/session.hpp"
#include "ui/context.hpp"

namespace onestop::ui {

/// Call between ImGui::NewFrame() and ImGui::Render(). Intents land in ui.intents.
void drawFrame(UiContext& ui, const core::SessionState& state);

/// At the end of a session: nothing of the citizen stays in what the UI keeps between frames
/// — the glyphs of their name in the atlas (all but `keep`: the catalog's characters), the
/// last frame's texts, the pages turned.
void forgetSession(UiContext& ui, const std::set<char32_t>& keep);

}  // namespace onestop::ui
