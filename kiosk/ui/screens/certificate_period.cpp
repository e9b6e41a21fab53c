// The certificate's period: big buttons, one tap chooses the months and the certificate is
// asked for at once (no "next"). The months shown under each button are what the session
// will ask for, from the same today the tap carries.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/i18n_key.hpp"
#include "ui/screens/certificate_period.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

struct PeriodButton {
  std::string id, label, sublabel;
  core::PeriodChoice choice;
};

std::string rangeText(UiContext& ui, const std::optional<core::MonthPeriod>& months) {
  if (!months) return {};
  return ui.tr.format("certificate.period.range"_k,
                      {{"from", periodMonthText(ui, months->from)}, {"to", periodMonthText(ui, months->to)}});
}

// One row of equal buttons across the area, at `top`, `h` high.
void drawRow(UiContext& ui, const std::vector<PeriodButton>& row, Area area, float top, float h) {
  const float gap = ui.theme.gap();
  const float w = (area.size.x - static_cast<float>(row.size() - 1) * gap) / static_cast<float>(row.size());
  const auto today = ui.env.today;
  for (std::size_t i = 0; i < row.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + static_cast<float>(i) * (w + gap), top));
    if (button(ui, row[i].id, row[i].label, ImVec2(w, h), ButtonKind::Secondary, row[i].sublabel))
      ui.emit(core::ev::ChooseCertificatePeriod{row[i].choice, today.year, today.month});
  }
}

}  // namespace

std::string periodMonthText(UiContext& ui, const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return month;
  const int m = std::clamp(std::atoi(month.c_str() + 5), 1, 12);
  return ui.tr.format("certificate.period.month"_k, {{"year", month.substr(0, 4)}, {"month", ui.tr.tr("month." + std::to_string(m))}});
}

std::string periodLineText(UiContext& ui, const core::MonthPeriod& period) {
  if (period.from.empty() || period.to.empty()) return {};
  return ui.tr.format("certificate.period.line"_k,
                      {{"from", periodMonthText(ui, period.from)}, {"to", periodMonthText(ui, period.to)}});
}

void drawCertificatePeriod(UiContext& ui, Area area) {
  const Theme& t = ui.theme;
  const auto today = ui.env.today;
  using Kind = core::PeriodChoice::Kind;
  ImGui::SetCursorScreenPos(area.pos);
  text(ui, t.large ? FontRole::Heading : FontRole::Display, ui.tr.tr("certificate.period.prompt"_k), t.palette.text,
       area.size.x);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.3f));
  text(ui, FontRole::Body, ui.tr.tr("certificate.period.hint"_k), t.palette.mutedText, area.size.x);

  std::vector<PeriodButton> spans{{"certificate.period.all", ui.tr.tr("certificate.period.all"_k),
                                   ui.tr.tr("certificate.period.all_hint"_k), {Kind::WholeRecord, 0}}};
  for (int months : core::kOfferedLastMonths) {
    const core::PeriodChoice choice{Kind::LastMonths, months};
    spans.push_back({"certificate.period." + std::to_string(months),
                     ui.tr.tr(months == 12 ? "certificate.period.last_year"_k : "certificate.period.last_three_years"_k),
                     rangeText(ui, core::periodOf(choice, today.year, today.month)), choice});
  }
  std::vector<PeriodButton> years;
  for (int year : core::offeredPeriodYears(today.year))
    years.push_back({"certificate.period." + std::to_string(year),
                     ui.tr.format("certificate.period.year"_k, {{"year", std::to_string(year)}}), {},
                     {Kind::Year, year}});

  const float top = ImGui::GetCursorScreenPos().y + t.paragraphGap();
  const float bottom = area.pos.y + area.size.y;
  const float h = std::clamp((bottom - top - t.gap()) / 2, t.targetHeight(), t.targetHeight() * 1.6f);
  drawRow(ui, spans, area, top, h);
  drawRow(ui, years, area, top + h + t.gap(), std::min(h, t.targetHeight() * 1.2f));
}

}  // namespace onestop::ui
