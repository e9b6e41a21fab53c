#include <imgui.h>

#include <string>

#include "core/i18n_key.hpp"
#include "ui/keyboard.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

// A complaint or a suggestion: which one (two big buttons), then the text on the on-screen
// keyboard with pinyin (never the OS keyboard), then "kept, with a reference" — sent now or
// when the central system is back. Anonymous unless the citizen writes their name.
void drawComplaint(UiContext& ui, const core::SessionState& s, Area area) {
  if (!s.complaint) return;
  using Phase = core::ComplaintFlow::Phase;
  const core::ComplaintFlow& c = *s.complaint;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float gap = t.gap(), bh = t.targetHeight() * 1.2f;
  const std::string finish = ui.tr.tr("common.finish"_k);
  const float fw = std::max(buttonWidthFor(ui, finish), t.targetHeight() * 3);
  auto finishButton = [&] {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - fw, area.pos.y + area.size.y - bh));
    if (button(ui, "complaint.finish", finish, ImVec2(fw, bh), ButtonKind::Primary)) ui.emit(core::ev::Finish{});
  };
  ImGui::SetCursorScreenPos(area.pos);
  switch (c.phase) {
    case Phase::Choosing: {
      text(ui, FontRole::Display, ui.tr.tr("complaint.choose"_k), p.text, area.size.x);
      text(ui, FontRole::Body, ui.tr.tr("complaint.anonymous"_k), p.mutedText, area.size.x);
      const float w = (area.size.x - gap) / 2, h = t.targetHeight() * 2;
      const float y = ImGui::GetCursorScreenPos().y + t.paragraphGap();
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, y));
      if (button(ui, "complaint.kind.complaint", ui.tr.tr("complaint.kind.complaint"_k), ImVec2(w, h), ButtonKind::Secondary,
                 ui.tr.tr("complaint.kind.complaint_hint"_k)))
        ui.emit(core::ev::ComplaintKind{"complaint"});
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x + w + gap, y));
      if (button(ui, "complaint.kind.suggestion", ui.tr.tr("complaint.kind.suggestion"_k), ImVec2(w, h), ButtonKind::Secondary,
                 ui.tr.tr("complaint.kind.suggestion_hint"_k)))
        ui.emit(core::ev::ComplaintKind{"suggestion"});
      break;
    }
    case Phase::Typing: {
      // The text field with the characters left, "send" beside it, the keyboard below.
      const std::string send = ui.tr.tr("complaint.send"_k);
      const float sendW = std::max(buttonWidthFor(ui, send), t.targetHeight() * 2.5f);
      // A compact field: the keyboard below needs the height (its keys stay ≥ 88 px).
      text(ui, FontRole::Body, ui.tr.tr(c.category == "complaint" ? "complaint.type_complaint"_k : "complaint.type_suggestion"_k),
           p.text, area.size.x);
      const float fieldY = ImGui::GetCursorScreenPos().y + gap * 0.3f;
      const float fieldH = t.targetHeight() * 1.1f, fieldW = area.size.x - sendW - gap;
      const float kbTop = fieldY + fieldH + gap * 0.6f;
      typedField(ui, ImVec2(area.pos.x, fieldY), ImVec2(fieldW, fieldH), c.text, c.chars(), core::ComplaintFlow::kMaxChars);
      const bool ready = c.ready() && !ui.env.keyboard.composing();
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x + fieldW + gap, fieldY));
      if (button(ui, "complaint.send", send, ImVec2(sendW, fieldH), ready ? ButtonKind::Primary : ButtonKind::Disabled) && ready)
        ui.emit(core::ev::SendComplaint{});
      keyboardArea(ui, ImVec2(area.pos.x, kbTop), ImVec2(area.size.x, area.pos.y + area.size.y - kbTop));
      return;   // the keyboard fills the bottom: Finish is in the toolbar's Home
    }
    case Phase::Submitting:
      text(ui, FontRole::Display, ui.tr.tr("complaint.sending"_k), p.text, area.size.x);
      break;
    case Phase::Kept:
      text(ui, FontRole::Display, ui.tr.tr("complaint.thanks"_k), p.text, area.size.x);
      text(ui, FontRole::Heading, ui.tr.tr(c.offline ? "complaint.kept_offline"_k : "complaint.kept"_k), p.text, area.size.x);
      finishButton();
      break;
    case Phase::Failed:
      text(ui, FontRole::Display, ui.tr.tr("complaint.not_kept"_k), p.warning, area.size.x);
      text(ui, FontRole::Heading, ui.tr.tr(c.problemKey), p.text, area.size.x);
      finishButton();
      break;
  }
}

}  // namespace onestop::ui
