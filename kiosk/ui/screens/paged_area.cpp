#include <algorithm>
#include <map>
#include <string>

#include <imgui_internal.h>

#include "ui/screens/screens.hpp"
#include "core/i18n_key.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

struct PageState {
  float offset = 0, maxScroll = 0;
  std::string content;   // what the area showed last: new content starts at page 1
};
// Per-area scroll positions; reset when the area's content changes size to fit.
std::map<std::string, PageState>& pages() {
  static std::map<std::string, PageState> p;
  return p;
}

float buttonColumnWidth(const UiContext& ui) { return ui.theme.targetHeight() * 1.9f; }

}  // namespace

void forgetPagedAreas() { pages().clear(); }

void beginPagedArea(UiContext& ui, const char* id, Area area, std::string_view content) {
  PageState& st = pages()[id];
  if (st.content != content) {
    st = PageState{};
    st.content = std::string(content);
  }
  ImGui::SetCursorScreenPos(area.pos);
  const ImVec2 size(area.size.x - buttonColumnWidth(ui) - ui.theme.gap(), area.size.y);
  ImGui::SetNextWindowScroll(ImVec2(0, st.offset));   // applied now, not one frame late
  ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                                         ImGuiWindowFlags_NoBackground);
}

void endPagedArea(UiContext& ui, const char* id, Area area) {
  PageState& st = pages()[id];
  // This frame's content height, not ImGui's (one frame old) scroll limit.
  st.maxScroll = std::max(0.0f, ImGui::GetCursorPosY() - ImGui::GetWindowHeight());
  if (st.offset > st.maxScroll) st.offset = st.maxScroll;
  const float page = ImGui::GetWindowHeight() * 0.8f;
  // A line cut by the bottom (or top) edge fades out, so it reads as "continues", not as
  // broken text; the next page repeats it in full (pages overlap by a fifth).
  const float fade = ui.theme.body() * 1.2f;
  const ImVec2 min = ImGui::GetWindowPos(), max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
  const auto bg = ui.theme.palette.background;
  auto* draw = ImGui::GetWindowDrawList();
  if (st.offset < st.maxScroll - 0.5f)
    draw->AddRectFilledMultiColor(ImVec2(min.x, max.y - fade), max, bg.imgui(0), bg.imgui(0), bg.imgui(), bg.imgui());
  if (st.offset > 0.5f)
    draw->AddRectFilledMultiColor(min, ImVec2(max.x, min.y + fade), bg.imgui(), bg.imgui(), bg.imgui(0), bg.imgui(0));
  ImGui::EndChild();
  if (st.maxScroll <= 0.5f) return;   // everything fits: no page buttons

  // Two buttons and the page label share the column; never below the touch-target height.
  const float w = buttonColumnWidth(ui);
  const float h = std::max(std::min(ui.theme.targetHeight(), (area.size.y - ui.theme.gap()) / 2),
                           std::min(ui.theme.targetHeight() * 1.4f, (area.size.y - ui.theme.body() * 2.2f) / 2));
  const float x = area.pos.x + area.size.x - w;
  ImGui::SetCursorScreenPos(ImVec2(x, area.pos.y));
  const std::string base(id);
  if (button(ui, base + ".page_up", ui.tr.tr("common.page_up"_k), ImVec2(w, h),
             st.offset > 0 ? ButtonKind::Secondary : ButtonKind::Disabled) && st.offset > 0) {
    st.offset = std::max(0.0f, st.offset - page);
    ui.animating = true;   // draw the turned page: a page turn is no intent, nothing else asks for a frame
  }
  ImGui::SetCursorScreenPos(ImVec2(x, area.pos.y + area.size.y - h));
  if (button(ui, base + ".page_down", ui.tr.tr("common.page_down"_k), ImVec2(w, h), st.offset < st.maxScroll ? ButtonKind::Primary : ButtonKind::Disabled) &&
      st.offset < st.maxScroll) {
    st.offset = std::min(st.maxScroll, st.offset + page);
    ui.animating = true;
  }
  // Where we are, in words as well as position.
  const std::string where = ui.tr.format(
      "common.page_position"_k, {{"page", std::to_string(static_cast<int>(st.offset / page + 1.5f) > 0
                                                           ? static_cast<int>((st.offset + page * 0.5f) / page) + 1
                                                           : 1)},
                               {"pages", std::to_string(static_cast<int>(st.maxScroll / page + 0.999f) + 1)}});
  if (area.size.y >= 2 * h + ui.theme.body() * 2) {
    ImGui::SetCursorScreenPos(ImVec2(x, area.pos.y + area.size.y / 2 - ui.theme.body()));
    text(ui, FontRole::Body, where, ui.theme.palette.mutedText, w, true);
  }
}

}  // namespace onestop::ui
