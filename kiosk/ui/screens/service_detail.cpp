#include <algorithm>
#include <string>

#include "core/i18n_key.hpp"
#include "core/service_catalogue.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

// The one-time notification (一次性告知) of one service: every material on the left, where
// the eye starts; time limit, fee, identification and basis beside it.
void drawServiceDetail(UiContext& ui, const core::SessionState& s, Area area) {
  const core::Service* svc = core::findService(s.serviceId);
  if (!svc) return;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;

  // The way forward sits at the bottom, always in the same place: start the service here
  // (after identifying), or, for counter services, where to go.
  const bool startsHere = svc->needsIdentity && svc->handling != core::Handling::Counter;
  const bool counter = svc->handling == core::Handling::Counter;
  const bool progress = svc->id == "query_progress";   // by acceptance number: typed or scanned
  const float actionH = startsHere || counter || progress ? t.targetHeight() * 1.2f + t.gap() : 0;
  const Area body{area.pos, ImVec2(area.size.x, area.size.y - actionH)};
  if (startsHere) {
    const std::string label = ui.tr.tr("detail.start"_k);
    const float bw = std::max(buttonWidthFor(ui, label), t.targetHeight() * 4);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - bw, area.pos.y + area.size.y - t.targetHeight() * 1.2f));
    if (button(ui, "detail.start", label, ImVec2(bw, t.targetHeight() * 1.2f), ButtonKind::Primary))
      ui.emit(core::ev::StartIdentify{std::string(svc->id)});
  }
  if (progress) {
    const std::string type = ui.tr.tr("detail.type_number"_k), scan = ui.tr.tr("detail.scan_receipt"_k);
    const float bh = t.targetHeight() * 1.2f;
    const float tw = std::max(buttonWidthFor(ui, type), t.targetHeight() * 4), sw = std::max(buttonWidthFor(ui, scan), t.targetHeight() * 4);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - tw, area.pos.y + area.size.y - bh));
    if (button(ui, "detail.type_number", type, ImVec2(tw, bh), ButtonKind::Primary)) ui.emit(core::ev::StartProgressEntry{});
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - tw - t.gap() - sw, area.pos.y + area.size.y - bh));
    if (button(ui, "detail.scan_receipt", scan, ImVec2(sw, bh), ButtonKind::Secondary)) ui.emit(core::ev::OpenScan{});
  }
  if (counter) {   // a counter does it: take a queue number here, with every material known
    const std::string label = ui.tr.tr("detail.take_ticket"_k);
    const float bw = std::max(buttonWidthFor(ui, label), t.targetHeight() * 4);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - bw, area.pos.y + area.size.y - t.targetHeight() * 1.2f));
    if (button(ui, "detail.take_ticket", label, ImVec2(bw, t.targetHeight() * 1.2f), ButtonKind::Primary))
      ui.emit(core::ev::TakeTicket{});
  }
  beginPagedArea(ui, "detail.body", body, s.serviceId);
  const float w = ImGui::GetContentRegionAvail().x;
  text(ui, FontRole::Display, ui.tr.tr(svc->nameKey()), p.text, w);
  text(ui, FontRole::Body, ui.tr.tr(svc->summaryKey()), p.text, w);
  ImGui::Dummy(ImVec2(1, t.paragraphGap()));

  const ImVec2 columnsTop = ImGui::GetCursorPos();
  const float leftW = w * 0.56f, rightX = leftW + t.gap() * 2, rightW = w - rightX;

  text(ui, FontRole::Heading, ui.tr.tr("detail.materials"_k), p.text, leftW);
  text(ui, FontRole::Body, ui.tr.tr("detail.materials_note"_k), p.mutedText, leftW);
  ImGui::Dummy(ImVec2(1, t.paragraphGap() * 0.5f));
  int n = 1;
  for (auto m : svc->materials) {
    text(ui, FontRole::Body, std::to_string(n++) + ". " + ui.tr.tr(core::materialKey(m)), p.text, leftW);
    ImGui::Dummy(ImVec2(1, t.paragraphGap() * 0.4f));
  }
  const float leftBottom = ImGui::GetCursorPosY();

  ImGui::SetCursorPos(ImVec2(rightX, columnsTop.y));
  auto fact = [&](std::string_view labelKey, const std::string& value) {
    ImGui::SetCursorPosX(rightX);
    text(ui, FontRole::Body, ui.tr.tr(labelKey), p.mutedText, rightW);
    ImGui::SetCursorPosX(rightX);
    text(ui, FontRole::Heading, value, p.text, rightW);
    ImGui::Dummy(ImVec2(1, t.paragraphGap() * 0.6f));
  };
  fact("detail.time_limit"_k, svc->timeLimitWorkingDays == 0
                                  ? ui.tr.tr("detail.on_the_spot"_k)
                                  : ui.tr.format("detail.working_days"_k, {{"days", std::to_string(svc->timeLimitWorkingDays)}}));
  fact("detail.fee"_k, svc->feeFen == 0 ? ui.tr.tr("detail.free"_k) : ui.tr.money(svc->feeFen));
  fact("detail.handling"_k, ui.tr.tr(core::handlingKey(svc->handling)));
  fact("detail.identify"_k, ui.tr.tr(svc->needsIdentity ? "detail.identify_yes"_k : "detail.identify_no"_k));
  ImGui::SetCursorPosX(rightX);
  text(ui, FontRole::Body, ui.tr.tr("detail.basis"_k), p.mutedText, rightW);
  ImGui::SetCursorPosX(rightX);
  text(ui, FontRole::Body, ui.tr.tr(core::basisKey(svc->legalBasis)), p.text, rightW);

  ImGui::SetCursorPos(ImVec2(0, std::max(leftBottom, ImGui::GetCursorPosY())));
  ImGui::Dummy(ImVec2(1, 1));
  endPagedArea(ui, "detail.body", body);
}

}  // namespace onestop::ui
