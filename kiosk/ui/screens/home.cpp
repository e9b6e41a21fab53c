#include <string>

#include "core/service_catalogue.hpp"
#include "core/i18n_key.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

void drawHome(UiContext& ui, const core::SessionState&, Area area) {
  using core::ServiceGroup;
  const Theme& t = ui.theme;
  ImGui::SetCursorScreenPos(area.pos);
  const float promptH = text(ui, FontRole::Display, ui.tr.tr("home.prompt"_k), t.palette.text, area.size.x, true);

  struct Tile { const char* id; std::string label; std::string hint; core::Event event; };
  const Tile tiles[] = {
      {"home.group.query", ui.tr.tr("group.query"_k), ui.tr.tr("home.hint.query"_k), core::ev::OpenGuide{ServiceGroup::Query}},
      {"home.group.certificate", ui.tr.tr("group.certificate"_k), ui.tr.tr("home.hint.certificate"_k), core::ev::OpenGuide{ServiceGroup::Certificate}},
      {"home.group.filing", ui.tr.tr("group.filing"_k), ui.tr.tr("home.hint.filing"_k), core::ev::OpenGuide{ServiceGroup::Filing}},
      {"home.group.counter", ui.tr.tr("group.counter"_k), ui.tr.tr("home.hint.counter"_k), core::ev::OpenGuide{ServiceGroup::Counter}},
      {"home.scan", ui.tr.tr("home.scan"_k), ui.tr.tr("home.hint.scan"_k), core::ev::OpenScan{}},
      {"home.open_guide", ui.tr.tr("home.guide"_k), ui.tr.tr("home.hint.guide"_k), core::ev::OpenGuide{std::nullopt}},
  };
  // Three tiles on each of two rows: the biggest targets on the kiosk.
  const float gap = t.gap() * 1.5f;
  const float top = area.pos.y + promptH + gap;
  const float tileW = (area.size.x - 2 * gap) / 3;
  const float reserve = t.targetHeight() + gap;   // the bottom row: complaints and suggestions
  const float tileH = std::min((area.pos.y + area.size.y - top - gap - reserve) / 2, t.targetHeight() * 2.6f);
  for (int i = 0; i < 6; ++i) {
    const int row = i / 3, col = i % 3;
    const float x = area.pos.x + static_cast<float>(col) * (tileW + gap);
    ImGui::SetCursorScreenPos(ImVec2(x, top + static_cast<float>(row) * (tileH + gap)));
    const auto& tile = tiles[i];
    if (button(ui, tile.id, tile.label, ImVec2(tileW, tileH), i == 5 ? ButtonKind::Secondary : ButtonKind::Primary,
               tile.hint))
      ui.emit(tile.event);
  }
  // Complaints and suggestions (service rules: a channel at every hall), quieter than the tiles.
  const std::string feedback = ui.tr.tr("home.complaint"_k);
  const float fw = std::max(buttonWidthFor(ui, feedback), t.targetHeight() * 3);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - fw, top + 2 * tileH + gap * 2));
  if (button(ui, "home.complaint", feedback, ImVec2(fw, t.targetHeight()), ButtonKind::Secondary))
    ui.emit(core::ev::OpenComplaint{});
}

}  // namespace onestop::ui
