#include <string>

#include "core/i18n_key.hpp"
#include "core/service_catalogue.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

void drawServiceGuide(UiContext& ui, const core::SessionState& s, Area area) {
  using core::ServiceGroup;
  const Theme& t = ui.theme;
  float y = area.pos.y;

  // Group filter: one row of toggle buttons; the current one is marked in words too.
  struct Filter { const char* id; std::optional<ServiceGroup> group; std::string_view key; };
  const Filter filters[] = {{"guide.filter.all", std::nullopt, "guide.all"_k},
                            {"guide.filter.query", ServiceGroup::Query, "group.query"_k},
                            {"guide.filter.certificate", ServiceGroup::Certificate, "group.certificate"_k},
                            {"guide.filter.filing", ServiceGroup::Filing, "group.filing"_k},
                            {"guide.filter.counter", ServiceGroup::Counter, "group.counter"_k}};
  float x = area.pos.x;
  const float h = t.targetHeight();
  for (const auto& f : filters) {
    const bool on = s.guideGroup == f.group;
    std::string label = ui.tr.tr(f.key);
    if (on) label = "✓ " + label;
    const float w = buttonWidthFor(ui, label);
    if (x + w > area.pos.x + area.size.x) { x = area.pos.x; y += h + t.gap() * 0.5f; }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, f.id, label, ImVec2(w, h), on ? ButtonKind::Selected : ButtonKind::Secondary) && !on)
      ui.emit(core::ev::OpenGuide{f.group});
    x += w + t.gap();
  }
  y += h + t.gap() * 0.6f;
  if (!t.large) {   // in large-text mode the list needs the room more than the hint
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, y));
    y += text(ui, FontRole::Body, ui.tr.tr("guide.prompt"_k), t.palette.mutedText, area.size.x) + t.gap() * 0.4f;
  }

  // The services in two columns of big buttons: name, and where it is handled.
  const Area list{ImVec2(area.pos.x, y), ImVec2(area.size.x, area.pos.y + area.size.y - y)};
  beginPagedArea(ui, "guide.list", list, s.guideGroup ? core::groupKey(*s.guideGroup) : std::string_view("all"));
  const float gap = t.gap();
  const float colW = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const float rowH = t.targetHeight() * 1.3f;
  int i = 0;
  for (const auto& svc : core::serviceCatalogue()) {
    if (s.guideGroup && svc.group != *s.guideGroup) continue;
    ImGui::SetCursorPos(ImVec2(static_cast<float>(i % 2) * (colW + gap), static_cast<float>(i / 2) * (rowH + gap)));
    const std::string id = "guide.service." + std::string(svc.id);
    if (button(ui, id, ui.tr.tr(svc.nameKey()), ImVec2(colW, rowH), ButtonKind::Secondary,
               ui.tr.tr(core::handlingKey(svc.handling))))
      ui.emit(core::ev::OpenService{std::string(svc.id)});
    ++i;
  }
  endPagedArea(ui, "guide.list", list);
}

}  // namespace onestop::ui
