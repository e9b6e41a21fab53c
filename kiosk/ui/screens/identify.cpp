#include <cmath>
#include <string>

#include "core/i18n_key.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

// A card gliding down onto the reader, over and over: shows where the card goes without
// needing to read anything. Requests the next frame while the screen is up.
void drawCardAnimation(UiContext& ui, ImVec2 centre, float scale) {
  const Palette& p = ui.theme.palette;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float w = 260 * scale, h = 164 * scale;
  const float readerW = w * 1.35f, readerH = 40 * scale;
  const ImVec2 reader(centre.x - readerW / 2, centre.y + h * 0.55f);
  dl->AddRectFilled(reader, ImVec2(reader.x + readerW, reader.y + readerH), p.text.imgui(), 10 * scale);
  const float t = static_cast<float>(std::fmod(ImGui::GetTime(), 2.4)) / 2.4f;       // 0..1 loop
  const float ease = t < 0.7f ? 1.0f - std::pow(1.0f - t / 0.7f, 3.0f) : 1.0f;     // glide, then rest
  const float y = centre.y - h * 1.1f + ease * (h * 0.95f);
  const ImVec2 a(centre.x - w / 2, y - h / 2), b(centre.x + w / 2, y + h / 2);
  dl->AddRectFilled(a, b, p.surface.imgui(), 14 * scale);
  dl->AddRect(a, b, p.primary.imgui(), 14 * scale, 0, 4 * scale);
  // Portrait and text lines, as on a real card.
  dl->AddRectFilled(ImVec2(b.x - w * 0.32f, a.y + h * 0.18f), ImVec2(b.x - w * 0.08f, a.y + h * 0.72f), p.border.imgui(), 6 * scale);
  for (int i = 0; i < 4; ++i) {
    const float ly = a.y + h * (0.2f + 0.15f * static_cast<float>(i));
    dl->AddRectFilled(ImVec2(a.x + w * 0.08f, ly), ImVec2(a.x + w * (i == 3 ? 0.62f : 0.5f), ly + 8 * scale),
                      p.border.imgui(), 3 * scale);
  }
  ui.animating = true;
}

}  // namespace

void drawIdentify(UiContext& ui, const core::SessionState& s, Area area) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float leftW = area.size.x * 0.55f;
  ImGui::SetCursorScreenPos(area.pos);
  text(ui, FontRole::Display, ui.tr.tr("identify.prompt"_k), p.text, leftW);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
  text(ui, FontRole::Body, ui.tr.tr("identify.documents"_k), p.mutedText, leftW);
  // No card with them: the e-SSC code on a phone works too (the scanner is on here).
  if (s.scanner == core::ScannerState::Ready) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.5f));
    text(ui, FontRole::Body, ui.tr.tr("identify.essc_hint"_k), p.text, leftW);
  }
  if (s.esscRequest != 0) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
    text(ui, FontRole::Heading, ui.tr.tr("identify.essc.checking"_k), p.primary, leftW);
  }

  // What went wrong with the last card, and what to do: never a dead end.
  if (!s.cardProblemKey.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
    text(ui, FontRole::Heading, ui.tr.tr(s.cardProblemKey), p.warning, leftW);
    // An e-SSC problem says what to do itself; a card's gets the general next step.
    if (s.cardProblemKey.rfind("identify.essc.", 0) != 0) {
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y));
      text(ui, FontRole::Body, ui.tr.tr("identify.problem_next"_k), p.text, leftW);
    }
  }
  if (s.reader == core::ReaderState::Unavailable) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
    text(ui, FontRole::Heading, ui.tr.tr("identify.reader_unavailable"_k), p.warning, leftW);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y));
    text(ui, FontRole::Body, ui.tr.tr("identify.reader_unavailable_next"_k), p.text, leftW);
  } else {
    drawCardAnimation(ui, ImVec2(area.pos.x + leftW + (area.size.x - leftW) / 2, area.pos.y + area.size.y * 0.45f),
                      t.scale);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + leftW, area.pos.y + area.size.y * 0.82f));
    text(ui, FontRole::Body,
         ui.tr.tr(s.reader == core::ReaderState::Ready ? "identify.reader_ready"_k : "identify.reader_starting"_k),
         p.mutedText, area.size.x - leftW, true);
  }
}

}  // namespace onestop::ui
