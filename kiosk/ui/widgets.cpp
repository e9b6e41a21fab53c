#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/i18n_key.hpp"
#include "ui/text_layout.hpp"

namespace onestop::ui {
namespace {

ImFont* fontFor(UiContext& ui, FontRole role) {
  ImFont* f = ui.fonts.font(role);
  return f ? f : ImGui::GetFont();
}

std::vector<std::string> layout(UiContext& ui, FontRole role, std::string_view s, float width) {
  ImFont* font = fontFor(ui, role);
  const float size = fontSize(ui, role);
  return wrapText(s, width, [&](std::string_view piece) {
    return font->CalcTextSizeA(size, 1e9f, 0, piece.data(), piece.data() + piece.size()).x;
  });
}

float lineHeight(const UiContext& ui, FontRole role) { return fontSize(ui, role) * ui.theme.lineSpacing(); }

}  // namespace

float fontSize(const UiContext& ui, FontRole role) {
  switch (role) {
    case FontRole::Body: return ui.theme.body();
    case FontRole::Heading: return ui.theme.heading();
    case FontRole::Display: return ui.theme.display();
    case FontRole::Count: break;
  }
  return ui.theme.body();
}

float measureText(UiContext& ui, FontRole role, std::string_view s, float width) {
  ui.fonts.require(s, role);
  return static_cast<float>(layout(ui, role, s, width).size()) * lineHeight(ui, role);
}

float text(UiContext& ui, FontRole role, std::string_view s, Rgb colour, float width, bool centred) {
  ui.fonts.require(s, role);
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  const auto lines = layout(ui, role, s, width);
  const float lh = lineHeight(ui, role);
  const float size = fontSize(ui, role);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float height = static_cast<float>(lines.size()) * lh;
  ImGui::Dummy(ImVec2(width, height));
  if (!ImGui::IsItemVisible()) return height;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = fontFor(ui, role);
  float y = origin.y + (lh - size) / 2;
  for (const auto& line : lines) {
    float x = origin.x;
    if (centred) x += (width - font->CalcTextSizeA(size, 1e9f, 0, line.c_str()).x) / 2;
    dl->AddText(font, size, ImVec2(x, y), colour.imgui(), line.c_str());
    y += lh;
  }
  ui.log.addText(s);
  return height;
}

float buttonWidthFor(UiContext& ui, std::string_view label, FontRole role) {
  ui.fonts.require(label, role);
  ImFont* font = fontFor(ui, role);
  const float w = font->CalcTextSizeA(fontSize(ui, role), 1e9f, 0, label.data(), label.data() + label.size()).x;
  return w + 2 * ui.theme.gap();
}

bool button(UiContext& ui, std::string_view id, std::string_view label, ImVec2 size, ButtonKind kind,
            std::string_view sublabel) {
  const Palette& p = ui.theme.palette;
  const std::string imguiId = "###" + std::string(id);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(imguiId.c_str(), size) && kind != ButtonKind::Disabled;
  const bool held = ImGui::IsItemActive();
  const bool visible = ImGui::IsItemVisible();
  const FontRole mainRole = size.y >= ui.theme.targetHeight() * 1.6f ? FontRole::Heading : FontRole::Body;
  ui.fonts.require(label, mainRole);
  ui.fonts.require(sublabel, FontRole::Body);
  if (!visible) return pressed;

  Rgb bg = p.secondary, fg = p.onSecondary;
  if (kind == ButtonKind::Primary) { bg = p.primary; fg = p.onPrimary; }
  if (kind == ButtonKind::Selected) { bg = p.selected; fg = p.onSelected; }
  if (kind == ButtonKind::Disabled) { bg = p.background; fg = p.mutedText; }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const float r = ui.theme.rounding();
  dl->AddRectFilled(pos, max, bg.imgui(held && kind != ButtonKind::Disabled ? 200 : 255), r);
  dl->AddRect(pos, max, (kind == ButtonKind::Secondary || kind == ButtonKind::Disabled ? p.border : bg).imgui(), r, 0, ui.theme.large ? 4.0f : 2.0f);

  // Label (and second line) centred; long labels wrap inside the button.
  const float pad = ui.theme.gap() * 0.6f;
  const float inner = size.x - 2 * pad;
  const auto mainLines = layout(ui, mainRole, label, inner);
  auto subLines = sublabel.empty() ? std::vector<std::string>{} : layout(ui, FontRole::Body, sublabel, inner);
  const float mainLh = lineHeight(ui, mainRole), subLh = lineHeight(ui, FontRole::Body);
  float total = static_cast<float>(mainLines.size()) * mainLh + static_cast<float>(subLines.size()) * subLh;
  if (total > size.y - pad && !subLines.empty()) {   // large text: the label matters, the hint goes
    subLines.clear();
    total = static_cast<float>(mainLines.size()) * mainLh;
  }
  float y = pos.y + std::max(0.0f, (size.y - total) / 2);
  auto drawLines = [&](const std::vector<std::string>& lines, FontRole role, float lh, Rgb colour) {
    ImFont* font = fontFor(ui, role);
    const float fs = fontSize(ui, role);
    for (const auto& line : lines) {
      const float w = font->CalcTextSizeA(fs, 1e9f, 0, line.c_str()).x;
      dl->AddText(font, fs, ImVec2(pos.x + (size.x - w) / 2, y + (lh - fs) / 2), colour.imgui(), line.c_str());
      y += lh;
    }
  };
  drawLines(mainLines, mainRole, mainLh, fg);
  drawLines(subLines, FontRole::Body, subLh, fg);

  // Scenarios may only tap what a finger could: the part not clipped by a scrolling area.
  const ImRect clip = ImGui::GetCurrentWindowRead()->ClipRect;
  const ImRect shown(ImMax(pos, clip.Min), ImMin(max, clip.Max));
  if (shown.GetWidth() > 1 && shown.GetHeight() > size.y * 0.5f)
    ui.log.addWidget({std::string(id), std::string(label), shown.Min.x, shown.Min.y, shown.GetWidth(), shown.GetHeight()});
  if (!subLines.empty()) ui.log.addText(sublabel);
  return pressed;
}

// No typing skills needed, every key a large target.
std::optional<char> keypad(UiContext& ui, std::string_view idPrefix, ImVec2 at, float width, float height) {
  const Theme& t = ui.theme;
  const float gap = t.gap();
  const float kw = (width - 2 * gap) / 3, kh = (height - 3 * gap) / 4;
  const std::string labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9",
                                  ui.tr.tr("filing.key.clear"_k), "0", ui.tr.tr("filing.key.delete"_k)};
  const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 'C', '0', '<'};
  std::optional<char> tapped;
  for (int i = 0; i < 12; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(at.x + static_cast<float>(i % 3) * (kw + gap), at.y + static_cast<float>(i / 3) * (kh + gap)));
    if (button(ui, std::string(idPrefix) + keys[i], labels[i], ImVec2(kw, kh), ButtonKind::Secondary)) tapped = keys[i];
  }
  return tapped;
}

}  // namespace onestop::ui
