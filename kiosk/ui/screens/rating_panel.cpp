#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/i18n_key.hpp"
#include "ui/keyboard.hpp"
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
    // Reasons and "a few words" in a grid — four columns when the labels fit on one line,
    // fewer (more rows) in large text — then "submit", enabled once a reason is chosen or
    // something written.
    constexpr int kCells = core::kRatingReasons + 1;
    const float sendW = std::max(buttonWidthFor(ui, ui.tr.tr("rating.send"_k)), h * 3);
    float widest = buttonWidthFor(ui, "✓ " + ui.tr.tr("rating.comment.edit"_k));
    for (int i = 0; i < core::kRatingReasons; ++i)
      widest = std::max(widest, buttonWidthFor(ui, "✓ " + ui.tr.tr(core::ratingReasonKey(static_cast<core::RatingReason>(i)))));
    const float gridW = area.size.x - sendW - gap;
    const int kColumns = std::clamp(static_cast<int>((gridW + gap) / (widest + gap)), 2, 4);
    const int rows = (kCells + kColumns - 1) / kColumns;
    const float w = (gridW - static_cast<float>(kColumns - 1) * gap) / static_cast<float>(kColumns);
    // The grid stands left of the screen's Finish column, so it may reach the area's bottom;
    // "submit" goes top right, above Finish.
    const float gridH = static_cast<float>(rows) * h + static_cast<float>(rows - 1) * gap;
    const float y = std::min(ImGui::GetCursorScreenPos().y + gap * 0.5f, area.pos.y + area.size.y - gridH);
    for (int i = 0; i < core::kRatingReasons; ++i) {
      const auto reason = static_cast<core::RatingReason>(i);
      ImGui::SetCursorScreenPos(
          ImVec2(area.pos.x + static_cast<float>(i % kColumns) * (w + gap), y + static_cast<float>(i / kColumns) * (h + gap)));
      const std::string label = (r.has(reason) ? "✓ " : "") + ui.tr.tr(core::ratingReasonKey(reason));
      if (button(ui, "rating.reason." + std::to_string(i), label, ImVec2(w, h),
                 r.has(reason) ? ButtonKind::Selected : ButtonKind::Secondary))
        ui.emit(core::ev::RateReason{reason});
    }
    constexpr int kComment = core::kRatingReasons;   // the cell after the reasons
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + static_cast<float>(kComment % kColumns) * (w + gap),
                                     y + static_cast<float>(kComment / kColumns) * (h + gap)));
    const bool written = !r.comment.empty();
    if (button(ui, "rating.comment", written ? "✓ " + ui.tr.tr("rating.comment.edit"_k) : ui.tr.tr("rating.comment.add"_k),
               ImVec2(w, h), written ? ButtonKind::Selected : ButtonKind::Secondary))
      ui.emit(core::ev::WriteRatingComment{});
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + gridW + gap, y));
    const bool ready = r.hasReason();
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

// A dissatisfied citizen's own words: the prompt, the field with "done" beside it, the
// keyboard below (pinyin; never the OS keyboard). "Done" or Back returns to the reasons.
void drawRatingComment(UiContext& ui, const core::RatingFlow& r, Area area) {
  const Theme& t = ui.theme;
  const float gap = t.gap();
  ImGui::SetCursorScreenPos(area.pos);
  text(ui, FontRole::Body, ui.tr.tr("rating.comment.prompt"_k), t.palette.text, area.size.x);
  const std::string done = ui.tr.tr("rating.comment.done"_k);
  const float doneW = std::max(buttonWidthFor(ui, done), t.targetHeight() * 2.5f);
  const float fieldY = ImGui::GetCursorScreenPos().y + gap * 0.3f;
  const float fieldH = t.targetHeight() * 1.1f, fieldW = area.size.x - doneW - gap;
  typedField(ui, ImVec2(area.pos.x, fieldY), ImVec2(fieldW, fieldH), r.comment, r.commentChars(),
             core::RatingFlow::kMaxCommentChars);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + fieldW + gap, fieldY));
  const bool ready = !ui.env.keyboard.composing();
  if (button(ui, "rating.comment.done", done, ImVec2(doneW, fieldH), ready ? ButtonKind::Primary : ButtonKind::Disabled) &&
      ready)
    ui.emit(core::ev::RatingCommentDone{});
  const float kbTop = fieldY + fieldH + gap * 0.6f;
  keyboardArea(ui, ImVec2(area.pos.x, kbTop), ImVec2(area.size.x, area.pos.y + area.size.y - kbTop));
}

}  // namespace onestop::ui
