#include <imgui.h>

#include <string>

#include "core/i18n_key.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

// How satisfied the citizen was (service rules: a rating after every transaction): five
// plain choices; a dissatisfied one asks what went wrong (several reasons may be chosen)
// before it is kept; then what became of it. Drawn at the cursor: the five levels above
// `bottomLimit`, the reasons beside the screen's Finish button.
void drawRatingPanel(UiContext& ui, const core::RatingFlow& r, Area area, float bottomLimit) {
  using Phase = core::RatingFlow::Phase;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float gap = t.gap(), h = t.targetHeight();
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
  if (r.phase == Phase::Asking) {
    text(ui, FontRole::Heading, ui.tr.tr("rating.prompt"_k), p.text, area.size.x);
    static constexpr std::string_view kLevels[] = {"rating.level5"_k, "rating.level4"_k, "rating.level3"_k,
                                                   "rating.level2"_k, "rating.level1"_k};
    const float w = (area.size.x - 4 * gap) / 5;
    const float y = std::min(ImGui::GetCursorScreenPos().y + gap * 0.5f, bottomLimit - h);
    for (int i = 0; i < 5; ++i) {
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x + static_cast<float>(i) * (w + gap), y));
      if (button(ui, "rating." + std::to_string(5 - i), ui.tr.tr(kLevels[i]), ImVec2(w, h), ButtonKind::Secondary))
        ui.emit(core::ev::Rate{5 - i});
    }
    return;
  }
  if (r.phase == Phase::Reason) {
    text(ui, FontRole::Heading, ui.tr.tr("rating.reason.prompt"_k), p.text, area.size.x);
    // Reasons in two rows of three, then "submit" — enabled once one is chosen.
    const float sendW = std::max(buttonWidthFor(ui, ui.tr.tr("rating.send"_k)), h * 3);
    const float w = (area.size.x - sendW - 3 * gap) / 3;
    // The grid stands left of the screen's Finish column, so it may reach the area's bottom;
    // "submit" goes top right, above Finish.
    const float y = std::min(ImGui::GetCursorScreenPos().y + gap * 0.5f, area.pos.y + area.size.y - 2 * h - gap);
    for (int i = 0; i < core::kRatingReasons; ++i) {
      const auto reason = static_cast<core::RatingReason>(i);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x + static_cast<float>(i % 3) * (w + gap), y + static_cast<float>(i / 3) * (h + gap)));
      const std::string label = (r.has(reason) ? "✓ " : "") + ui.tr.tr(core::ratingReasonKey(reason));
      if (button(ui, "rating.reason." + std::to_string(i), label, ImVec2(w, h),
                 r.has(reason) ? ButtonKind::Selected : ButtonKind::Secondary))
        ui.emit(core::ev::RateReason{reason});
    }
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + 3 * (w + gap), y));
    const bool ready = r.reasons != 0;
    if (button(ui, "rating.send", ui.tr.tr("rating.send"_k), ImVec2(sendW, h), ready ? ButtonKind::Primary : ButtonKind::Disabled) &&
        ready)
      ui.emit(core::ev::SendRating{});
    return;
  }
  const std::string_view key = r.phase == Phase::Saving         ? "rating.saving"_k
                               : r.phase == Phase::Saved        ? "rating.thanks"_k
                               : r.phase == Phase::SavedOffline ? "rating.thanks_offline"_k
                                                                : "rating.not_saved"_k;
  text(ui, FontRole::Heading, ui.tr.tr(key), r.phase == Phase::Failed ? p.warning : p.text, area.size.x);
}

}  // namespace onestop::ui
