#include <imgui.h>

#include <string>

#include "core/i18n_key.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

// Corner brackets: where to hold the code. Drawn over the preview (or its placeholder).
void drawGuideFrame(ImDrawList* dl, ImVec2 a, ImVec2 b, Rgb colour, float thickness) {
  const float len = (b.x - a.x) * 0.18f;
  const ImU32 c = colour.imgui();
  auto corner = [&](ImVec2 p, float dx, float dy) {
    dl->AddLine(p, ImVec2(p.x + dx * len, p.y), c, thickness);
    dl->AddLine(p, ImVec2(p.x, p.y + dy * len), c, thickness);
  };
  corner(a, 1, 1);
  corner(ImVec2(b.x, a.y), -1, 1);
  corner(ImVec2(a.x, b.y), 1, -1);
  corner(b, -1, -1);
}

}  // namespace

void drawScan(UiContext& ui, const core::SessionState& s, Area area) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float leftW = area.size.x * 0.45f;
  ImGui::SetCursorScreenPos(area.pos);
  text(ui, FontRole::Display, ui.tr.tr("scan.prompt"_k), p.text, leftW);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
  text(ui, FontRole::Body, ui.tr.tr("scan.accepted"_k), p.mutedText, leftW);
  if (s.scanner == core::ScannerState::Unavailable) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
    text(ui, FontRole::Heading, ui.tr.tr("scan.camera_unavailable"_k), p.warning, leftW);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y));
    text(ui, FontRole::Body, ui.tr.tr("scan.camera_unavailable_next"_k), p.text, leftW);
  } else if (!ui.env.scanHintKey.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
    text(ui, FontRole::Heading, ui.tr.tr(ui.env.scanHintKey), p.warning, leftW);
  }

  // The live picture, downscaled, as large as fits right of the text, with the guide frame.
  const float gap = t.gap() * 2;
  const float maxW = area.size.x - leftW - gap, maxH = area.size.y * 0.85f;
  // No last picture from a camera that is gone: it would look as if it still worked.
  const bool live = ui.env.scanPreview && s.scanner != core::ScannerState::Unavailable;
  const float aspect = live && ui.env.scanPreviewHeight > 0
                           ? static_cast<float>(ui.env.scanPreviewWidth) / static_cast<float>(ui.env.scanPreviewHeight)
                           : 16.0f / 9.0f;
  const float w = std::min(maxW, maxH * aspect), h = w / aspect;
  const ImVec2 a(area.pos.x + leftW + gap + (maxW - w) / 2, area.pos.y);
  const ImVec2 b(a.x + w, a.y + h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (live) {
    // Mirrored, as citizens expect from a camera facing them.
    dl->AddImage(static_cast<ImTextureID>(ui.env.scanPreview), a, b, ImVec2(1, 0), ImVec2(0, 1));
  } else {
    dl->AddRectFilled(a, b, p.text.imgui(), 12 * t.scale);
    if (s.scanner != core::ScannerState::Unavailable) {
      ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + h / 2 - t.body()));
      text(ui, FontRole::Body, ui.tr.tr("scan.camera_starting"_k), p.background, w, true);
    }
  }
  const float side = h * 0.7f;
  const ImVec2 centre((a.x + b.x) / 2, (a.y + b.y) / 2);
  drawGuideFrame(dl, ImVec2(centre.x - side / 2, centre.y - side / 2), ImVec2(centre.x + side / 2, centre.y + side / 2),
                 p.primary, 8 * t.scale);
  ImGui::SetCursorScreenPos(ImVec2(a.x, b.y + t.gap()));
  text(ui, FontRole::Body, ui.tr.tr("scan.guide"_k), p.mutedText, w, true);
  ui.animating = true;   // the preview moves
}

}  // namespace onestop::ui
