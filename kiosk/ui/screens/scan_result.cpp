#include <chrono>
#include <string>

#include "core/i18n_key.hpp"
#include "core/query_flow.hpp"
#include "core/service_catalogue.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

// Seal times are UTC epoch seconds; the day is what a citizen needs.
i18n::CivilDate dayOf(std::int64_t epochSeconds) {
  using namespace std::chrono;
  const sys_days day = floor<days>(sys_seconds{seconds{epochSeconds}});
  const year_month_day ymd{day};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(weekday{day}.c_encoding())};
}

// 2025 0115 0000 0124: groups of four are easier to compare with the paper.
std::string grouped(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

}  // namespace

void drawScanResult(UiContext& ui, const core::SessionState& s, Area area) {
  if (!s.scan) return;
  const core::ScanResult& r = *s.scan;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;

  // "Scan another" sits at the bottom right, always in the same place; the result left of
  // it pages when it does not fit (large text).
  const std::string again = ui.tr.tr("scan.again"_k);
  const float bw = std::max(buttonWidthFor(ui, again), t.targetHeight() * 3);
  const float bh = t.targetHeight() * 1.2f;
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - bw, area.pos.y + area.size.y - bh));
  if (button(ui, "scan.again", again, ImVec2(bw, bh), ButtonKind::Primary)) ui.emit(core::ev::OpenScan{});
  const Area body{area.pos, ImVec2(area.size.x - bw - t.gap() * 2, area.size.y)};

  beginPagedArea(ui, "scan.result", body, std::string(core::nameOf(r.kind)) + r.value + r.serial);
  const float w = ImGui::GetContentRegionAvail().x;
  auto para = [&](FontRole role, const std::string& str, Rgb colour, float gapScale = 0.5f) {
    ImGui::Dummy(ImVec2(1, t.paragraphGap() * gapScale));
    text(ui, role, str, colour, w);
  };
  auto line = [&](std::string_view labelKey, const std::string& value) {
    para(FontRole::Body, ui.tr.tr(labelKey) + "  " + value, p.text, 0.3f);
  };
  text(ui, FontRole::Display, ui.tr.tr(core::scanResultTitleKey(r.kind)), p.text, w);

  switch (r.kind) {
    case core::CodeKind::Receipt: {
      line("scan.receipt.number"_k, grouped(r.value));
      if (!s.progress) break;
      const core::ProgressView& pv = *s.progress;
      if (pv.phase == core::ProgressView::Phase::Loading) {
        para(FontRole::Heading, ui.tr.tr("progress.loading"_k), p.mutedText);
      } else if (pv.phase == core::ProgressView::Phase::Failed) {
        para(FontRole::Heading, ui.tr.tr(pv.problemKey), p.warning);
      } else {
        para(FontRole::Heading, ui.tr.tr("progress.status"_k) + ui.tr.tr(core::applicationStateKey(pv.state)),
             pv.state == "rejected" ? p.warning : p.primary);
        if (const core::Service* svc = core::findService(pv.service)) line("progress.service"_k, ui.tr.tr(svc->nameKey()));
        line("progress.accepted_on"_k, pv.acceptedOn);
        if (!pv.dueOn.empty()) line("progress.due_on"_k, pv.dueOn);
        line("progress.updated_on"_k, pv.updatedOn);
        if (pv.state == "rejected" && !pv.reason.empty()) line("progress.reason"_k, pv.reason);
      }
      break;
    }
    case core::CodeKind::QueueTicket: {
      line("scan.ticket.number"_k, r.value);
      const int y = std::stoi(r.day.substr(0, 4)), m = std::stoi(r.day.substr(5, 2)), d = std::stoi(r.day.substr(8, 2));
      const auto wd = std::chrono::weekday(std::chrono::sys_days(std::chrono::year_month_day{
          std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)), std::chrono::day(static_cast<unsigned>(d))}));
      line("scan.ticket.day"_k, ui.tr.date({y, m, d, static_cast<int>(wd.c_encoding())}));
      para(FontRole::Heading, ui.tr.tr("scan.ticket.next"_k), p.text);
      break;
    }
    case core::CodeKind::EsscToken:
      para(FontRole::Heading, ui.tr.tr("scan.essc.next"_k), p.text);
      break;
    case core::CodeKind::CertificateSeal: {
      const bool authentic = r.seal == core::SealCheck::Valid || r.seal == core::SealCheck::Expired;
      para(FontRole::Heading, ui.tr.tr(core::sealCheckKey(r.seal)), r.seal == core::SealCheck::Valid ? p.primary : p.warning);
      if (authentic) {
        line("scan.seal.type"_k, ui.tr.tr(core::certificateTypeKey(r.certificateType)));
        line("scan.seal.serial"_k, r.serial);
        line("scan.seal.holder"_k, r.maskedName + "  " + r.maskedIdNumber);
        line("scan.seal.issued"_k, ui.tr.date(dayOf(r.issuedAt)));
        line("scan.seal.valid_until"_k, ui.tr.date(dayOf(r.validUntil)));
      }
      if (r.seal == core::SealCheck::Valid) para(FontRole::Body, ui.tr.tr("scan.seal.offline_note"_k), p.mutedText);
      break;
    }
    case core::CodeKind::Unusable:
      para(FontRole::Heading, ui.tr.tr("scan.unusable.next"_k), p.text);
      break;
  }
  ImGui::Dummy(ImVec2(1, 1));
  endPagedArea(ui, "scan.result", body);
}

}  // namespace onestop::ui
