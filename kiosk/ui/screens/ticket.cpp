#include <imgui.h>

#include <string>

#include "core/i18n_key.hpp"
#include "core/service_catalogue.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

// A queue number for a counter service: big, with how many are waiting ahead and where to
// go; "take your ticket" only when it was printed.
void drawTicket(UiContext& ui, const core::SessionState& s, Area area) {
  if (!s.ticket) return;
  const core::TicketView& tv = *s.ticket;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const core::Service* svc = core::findService(s.serviceId);
  ImGui::SetCursorScreenPos(area.pos);
  auto line = [&](FontRole role, const std::string& str, Rgb colour, float gap) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * gap));
    text(ui, role, str, colour, area.size.x);
  };
  if (svc) text(ui, FontRole::Heading, ui.tr.tr(svc->nameKey()), p.text, area.size.x);
  switch (tv.phase) {
    case core::TicketView::Phase::Loading:
      line(FontRole::Display, ui.tr.tr("ticket.loading"_k), p.text, 0.5f);
      break;
    case core::TicketView::Phase::Failed:
      line(FontRole::Display, ui.tr.tr("ticket.not_taken"_k), p.warning, 0.5f);
      line(FontRole::Heading, ui.tr.tr(tv.problemKey), p.text, 0.8f);
      break;
    case core::TicketView::Phase::Shown: {
      line(FontRole::Body, ui.tr.tr("ticket.your_number"_k), p.mutedText, 0.5f);
      line(FontRole::Display, tv.number, p.primary, 0.2f);
      if (tv.peopleAhead)
        line(FontRole::Heading, ui.tr.format("ticket.ahead"_k, {{"count", std::to_string(*tv.peopleAhead)}}), p.text, 0.3f);
      else
        line(FontRole::Heading, ui.tr.tr("ticket.ahead_unknown"_k), p.text, 0.3f);
      line(FontRole::Body, ui.tr.tr("ticket.where"_k), p.text, 0.6f);
      line(FontRole::Body, ui.tr.tr(tv.receiptPrinted ? "ticket.take_it"_k : "ticket.not_printed"_k),
           tv.receiptPrinted ? p.text : p.warning, 0.6f);
      break;
    }
  }
  const std::string finish = ui.tr.tr("common.finish"_k);
  const float bw = std::max(buttonWidthFor(ui, finish), t.targetHeight() * 3), bh = t.targetHeight() * 1.2f;
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - bw, area.pos.y + area.size.y - bh));
  if (button(ui, "ticket.finish", finish, ImVec2(bw, bh), ButtonKind::Primary)) ui.emit(core::ev::Finish{});
}

}  // namespace onestop::ui
