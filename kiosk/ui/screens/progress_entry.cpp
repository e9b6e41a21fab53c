#include <imgui.h>

#include <string>

#include "core/code_payload.hpp"
#include "core/i18n_key.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

// A filing's progress without identifying: the 16-digit acceptance number from the receipt,
// typed on a big keypad and shown in groups of four so it can be checked against the paper;
// a mistyped digit is caught by the number's check digit and said in words.
void drawProgressEntry(UiContext& ui, const core::SessionState& s, Area area) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float gap = t.gap();
  const float padW = std::min(area.size.x * 0.4f, t.targetHeight() * 6), leftW = area.size.x - padW - gap * 2;
  ImGui::SetCursorScreenPos(area.pos);
  text(ui, FontRole::Heading, ui.tr.tr("progress.entry.prompt"_k), p.text, leftW);
  std::string grouped;
  for (std::size_t i = 0; i < core::kAcceptanceNumberDigits; ++i) {
    if (i > 0 && i % 4 == 0) grouped += ' ';
    grouped += i < s.progressNumber.size() ? s.progressNumber[i] : '_';
  }
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
  text(ui, FontRole::Display, grouped, p.primary, leftW);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.5f));
  if (!s.progressProblemKey.empty()) text(ui, FontRole::Heading, ui.tr.tr(s.progressProblemKey), p.warning, leftW);
  else text(ui, FontRole::Body, ui.tr.tr("progress.entry.hint"_k), p.mutedText, leftW);

  const float bh = t.targetHeight() * 1.2f;
  const std::string look = ui.tr.tr("progress.entry.look_up"_k);
  const float bw = std::min(leftW, std::max(buttonWidthFor(ui, look), t.targetHeight() * 4));
  const bool complete = s.progressNumber.size() == core::kAcceptanceNumberDigits;
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + area.size.y - bh));
  if (button(ui, "progress.look_up", look, ImVec2(bw, bh), complete ? ButtonKind::Primary : ButtonKind::Disabled) && complete)
    ui.emit(core::ev::LookUpProgress{});
  if (auto key = keypad(ui, "progress.key.", ImVec2(area.pos.x + area.size.x - padW, area.pos.y), padW, area.size.y))
    ui.emit(core::ev::ProgressKey{*key});
}

}  // namespace onestop::ui
