#include <string>

#include "core/certificate_flow.hpp"
#include "core/i18n_key.hpp"
#include "core/masking.hpp"
#include "core/service_catalogue.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

// Who the kiosk now serves: the name in full (rare characters and all, so the citizen can
// check it), the ID number masked, and plainly what happens next.
void drawIdentified(UiContext& ui, const core::SessionState& s, Area area) {
  if (!s.citizen) return;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const core::Identity& who = *s.citizen;
  const float w = area.size.x;
  ImGui::SetCursorScreenPos(area.pos);
  text(ui, FontRole::Display, ui.tr.format("identified.hello"_k, {{"name", who.name}}), p.text, w);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y));
  text(ui, FontRole::Heading, ui.tr.tr("identified.prompt"_k), p.text, w);

  auto line = [&](std::string_view labelKey, const std::string& value) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.5f));
    text(ui, FontRole::Body, ui.tr.tr(labelKey) + "  " + value, p.text, w);
  };
  const bool byEssc = !s.esscToken.empty();   // no card data: the server's masked number only
  line("identified.card_type"_k, byEssc ? ui.tr.tr("identified.essc"_k) : ui.tr.tr(core::cardTypeKey(who.cardType)));
  // Masked, unless the owner asks to see it in full (a card read here; e-SSC gives no more).
  line("identified.id_number"_k, s.idRevealed ? who.idNumber : core::maskIdNumber(who.idNumber));
  if (!byEssc) {
    const std::string reveal = ui.tr.tr(s.idRevealed ? "identified.hide_id"_k : "identified.show_id"_k);
    const float rw = buttonWidthFor(ui, reveal);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    // Beside the number (a full-size target, centred on its line, clear of the short lines).
    const float lineH = fontSize(ui, FontRole::Body) * t.lineSpacing();
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + w * 0.5f, at.y - lineH / 2 - t.targetHeight() / 2));
    if (button(ui, "identified.reveal_id", reveal, ImVec2(rw, t.targetHeight()))) ui.emit(core::ev::ToggleRevealId{});
    ImGui::SetCursorScreenPos(at);
  }
  std::string validity = ui.tr.tr("identified.long_term"_k);
  if (who.validTo) {
    const auto& d = *who.validTo;
    validity = ui.tr.date({static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                           static_cast<int>(static_cast<unsigned>(d.day())),
                           static_cast<int>(std::chrono::weekday(std::chrono::sys_days(d)).c_encoding())});
  }
  if (!byEssc) line("identified.valid_to"_k, validity);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
  text(ui, FontRole::Body, ui.tr.tr("identified.privacy"_k), p.mutedText, w);

  const float bw = std::max(buttonWidthFor(ui, ui.tr.tr("common.finish"_k)), t.targetHeight() * 3);
  const float bh = t.targetHeight() * 1.2f;
  // A certificate is issued here when the central system answers (it signs the seal);
  // other services are not yet served by this kiosk: say where the citizen can go.
  bool issueShown = false;
  if (const core::Service* svc = core::findService(s.serviceId)) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
    const std::string name = ui.tr.tr(svc->nameKey());
    const float beside = w - bw - t.gap() * 2;   // clear of the Finish button below
    if (core::isKioskFiling(svc->id)) {
      // Filings are kept at the kiosk when the central system is down: offered either way.
      issueShown = true;
      const std::string label = ui.tr.format("identified.file"_k, {{"service", name}});
      const float iw = std::min(beside, std::max(buttonWidthFor(ui, label), t.targetHeight() * 4));
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + area.size.y - bh));
      if (button(ui, "identified.file", label, ImVec2(iw, bh), ButtonKind::Primary)) ui.emit(core::ev::StartFiling{});
    } else if (const auto query = core::queryKindOfService(svc->id)) {
      if (s.link == core::LinkStatus::Offline) {
        text(ui, FontRole::Heading, ui.tr.tr("query.problem.offline"_k), p.warning, beside);
      } else {
        issueShown = true;
        const std::string label = ui.tr.tr("identified.query"_k);
        const float iw = std::min(beside, std::max(buttonWidthFor(ui, label), t.targetHeight() * 4));
        ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + area.size.y - bh));
        if (button(ui, "identified.query", label, ImVec2(iw, bh), ButtonKind::Primary)) ui.emit(core::ev::StartQuery{*query});
      }
    } else if (!core::certificateTypeOfService(svc->id)) {
      text(ui, FontRole::Heading, ui.tr.format("identified.next"_k, {{"service", name}}), p.text, beside);
    } else if (s.link == core::LinkStatus::Offline) {
      text(ui, FontRole::Heading, ui.tr.tr("certificate.unavailable_offline"_k), p.warning, beside);
    } else {
      issueShown = true;
      const std::string label = ui.tr.format("identified.issue"_k, {{"service", name}});
      const float iw = std::min(w - bw - t.gap() * 2, std::max(buttonWidthFor(ui, label), t.targetHeight() * 4));
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + area.size.y - bh));
      if (button(ui, "identified.issue", label, ImVec2(iw, bh), ButtonKind::Primary))
        ui.emit(core::ev::RequestCertificate{});
    }
  }

  // Every identified citizen may look at their applications and how far each has got.
  const std::string mine = ui.tr.tr("identified.applications"_k);
  const float mw = std::max(buttonWidthFor(ui, mine), bw);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - mw, area.pos.y + area.size.y - 2 * bh - t.gap()));
  if (button(ui, "identified.applications", mine, ImVec2(mw, bh))) ui.emit(core::ev::StartQuery{core::QueryKind::Applications});

  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - bw, area.pos.y + area.size.y - bh));
  if (button(ui, "identified.finish", ui.tr.tr("common.finish"_k), ImVec2(bw, bh),
             issueShown ? ButtonKind::Secondary : ButtonKind::Primary))
    ui.emit(core::ev::Finish{});
}

}  // namespace onestop::ui
