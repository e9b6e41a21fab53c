#include <imgui.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/i18n_key.hpp"
#include "core/money.hpp"
#include "core/service_catalogue.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

using core::QueryFlow;
using core::QueryKind;

struct Column {
  std::string title;
  float share;        ///< of the table's width
  bool right = false; ///< amounts line up on the right
};
struct Cell {
  std::string text;
  bool warn = false;  ///< arrears, a gap, a refusal: in the warning colour, and said in words too
};

// A plain table drawn at the cursor: a muted header, then one line per row, a hairline
// between rows. Big body text; no interaction (paging is the area's).
void table(UiContext& ui, const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows, float width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float gap = t.gap() * 0.5f;
  auto line = [&](auto cellOf, bool header, std::size_t n) {
    const FontRole role = FontRole::Body;
    const ImVec2 start = ImGui::GetCursorPos();
    float x = 0, tallest = 0;
    for (std::size_t c = 0; c < n; ++c) {
      const float w = width * columns[c].share - gap;
      const Cell cell = cellOf(c);
      const float tw = std::min(w, buttonWidthFor(ui, cell.text, role) - 2 * t.gap());   // one line's width
      ImGui::SetCursorPos(ImVec2(start.x + x + (columns[c].right ? w - tw : 0), start.y));
      const Rgb colour = header ? p.mutedText : cell.warn ? p.warning : p.text;
      tallest = std::max(tallest, text(ui, role, cell.text, colour, w));
      x += width * columns[c].share;
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + tallest + gap));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + width, at.y), p.border.imgui(), 1.0f);
    ImGui::SetCursorPos(ImVec2(start.x, ImGui::GetCursorPosY() + gap));
  };
  line([&](std::size_t c) { return Cell{columns[c].title}; }, true, columns.size());
  for (const auto& row : rows) line([&](std::size_t c) { return c < row.size() ? row[c] : Cell{}; }, false, columns.size());
}

std::string yuan(UiContext& ui, std::int64_t fen) { return ui.tr.format("query.yuan"_k, {{"amount", core::formatFen(fen)}}); }

std::string typeName(UiContext& ui, const std::string& type) {
  if (type == "pension") return ui.tr.tr("query.type.pension"_k);
  if (type == "medical") return ui.tr.tr("query.type.medical"_k);
  if (type == "unemployment") return ui.tr.tr("query.type.unemployment"_k);
  if (type == "workInjury") return ui.tr.tr("query.type.work_injury"_k);
  if (type == "maternity") return ui.tr.tr("query.type.maternity"_k);
  return type;
}

// "2009-04" → "2009年04月" (the catalog's month pattern).
std::string month(UiContext& ui, const std::string& ym) {
  if (ym.size() != 7) return ym;
  return ui.tr.format("query.month"_k, {{"year", ym.substr(0, 4)}, {"month", ym.substr(5, 2)}});
}

// "2026-11-15" → "2026年11月15日" (the catalog's day pattern); anything else as it came.
std::string day(UiContext& ui, const std::string& iso) {
  if (iso.size() != 10) return iso;
  return ui.tr.format("query.day"_k, {{"year", iso.substr(0, 4)}, {"month", iso.substr(5, 2)}, {"day", iso.substr(8, 2)}});
}

void participation(UiContext& ui, const core::QueryAnswer& a, float w) {
  if (a.participation.empty()) {
    text(ui, FontRole::Heading, ui.tr.tr("query.participation.none"_k), ui.theme.palette.text, w);
    return;
  }
  std::vector<std::vector<Cell>> rows;
  for (const auto& r : a.participation) {
    const bool active = r.status == "active";
    const std::string status = r.status == "active"      ? ui.tr.tr("query.status.active"_k)
                               : r.status == "suspended" ? ui.tr.tr("query.status.suspended"_k)
                                                         : ui.tr.tr("query.status.terminated"_k);
    rows.push_back({{typeName(ui, r.type)}, {status, !active}, {month(ui, r.since)}});
  }
  table(ui, {{ui.tr.tr("query.col.type"_k), 0.34f}, {ui.tr.tr("query.col.status"_k), 0.33f}, {ui.tr.tr("query.col.since"_k), 0.33f}},
        rows, w);
}

// One year, month by month (the insurance types of a month summed): arrears — naming the
// types owed — and months with no record at all are marked in words, not only in colour.
void contributions(UiContext& ui, const core::QueryAnswer& a, float w, int currentYear, int currentMonth) {
  const auto& y = *a.contributions;
  const Palette& p = ui.theme.palette;
  text(ui, FontRole::Heading,
       ui.tr.format("query.contributions.totals"_k, {{"months", std::to_string(y.paidMonths)},
                                                     {"employer", yuan(ui, y.employerFen)},
                                                     {"personal", yuan(ui, y.personalFen)}}),
       p.text, w);
  if (y.arrearsMonths > 0)
    text(ui, FontRole::Heading, ui.tr.format("query.contributions.arrears"_k, {{"months", std::to_string(y.arrearsMonths)}}),
         p.warning, w);
  struct Month {
    std::int64_t baseFen = 0, employerFen = 0, personalFen = 0;
    std::string owed;   // the types in arrears, in words
    bool backPaid = false;
    int types = 0, owedTypes = 0;
  };
  std::map<int, Month> months;   // 1–12
  for (const auto& r : y.rows) {
    const int m = std::atoi(r.month.substr(5, 2).c_str());
    if (m < 1 || m > 12) continue;
    Month& mo = months[m];
    mo.baseFen = std::max(mo.baseFen, r.baseFen);
    mo.employerFen += r.employerFen;
    mo.personalFen += r.personalFen;
    ++mo.types;
    if (r.status == "arrears") {
      ++mo.owedTypes;
      mo.owed += (mo.owed.empty() ? "" : ui.tr.tr("query.list_separator"_k)) + typeName(ui, r.type);
    }
    if (r.status == "back_paid") mo.backPaid = true;
  }
  const int lastMonth = y.year < currentYear ? 12 : y.year == currentYear ? currentMonth : 0;
  std::vector<std::vector<Cell>> rows;
  for (int m = std::max(lastMonth, months.empty() ? 0 : months.rbegin()->first); m >= 1; --m) {   // newest first
    char ym[8];
    std::snprintf(ym, sizeof ym, "%04d-%02d", y.year, m);
    const auto it = months.find(m);
    if (it == months.end()) {
      rows.push_back({{month(ui, ym)}, {}, {}, {}, {ui.tr.tr("query.status.no_record"_k), true}});
      continue;
    }
    const Month& mo = it->second;
    // Every type owed: "in arrears"; some: which ones.
    const Cell status = mo.owedTypes == mo.types && mo.types > 0 ? Cell{ui.tr.tr("query.status.arrears"_k), true}
                        : !mo.owed.empty() ? Cell{ui.tr.format("query.status.arrears_of"_k, {{"types", mo.owed}}), true}
                        : mo.backPaid    ? Cell{ui.tr.tr("query.status.back_paid"_k)}
                                         : Cell{ui.tr.tr("query.status.paid"_k)};
    rows.push_back({{month(ui, ym)}, {core::formatFen(mo.baseFen)}, {core::formatFen(mo.employerFen)},
                    {core::formatFen(mo.personalFen)}, status});
  }
  text(ui, FontRole::Body, ui.tr.tr("query.amounts_in_yuan"_k), p.mutedText, w);
  table(ui,
        {{ui.tr.tr("query.col.month"_k), 0.18f}, {ui.tr.tr("query.col.base"_k), 0.17f, true},
         {ui.tr.tr("query.col.employer"_k), 0.17f, true}, {ui.tr.tr("query.col.personal"_k), 0.17f, true},
         {ui.tr.tr("query.col.status"_k), 0.31f, true}},
        rows, w);
  text(ui, FontRole::Body, ui.tr.format("query.contributions.pension_months"_k,
                                        {{"months", std::to_string(y.pensionMonthsAllYears)}}), p.mutedText, w);
}

void pensionAccount(UiContext& ui, const core::QueryAnswer& a, float w) {
  text(ui, FontRole::Heading, ui.tr.tr("query.pension_account.balance"_k), ui.theme.palette.mutedText, w);
  text(ui, FontRole::Display, yuan(ui, a.pensionBalanceFen), ui.theme.palette.primary, w);
  ImGui::Dummy(ImVec2(1, ui.theme.paragraphGap() * 0.5f));
  text(ui, FontRole::Body, ui.tr.tr("query.amounts_in_yuan"_k), ui.theme.palette.mutedText, w);
  std::vector<std::vector<Cell>> rows;
  for (auto it = a.pensionYears.rbegin(); it != a.pensionYears.rend(); ++it)
    rows.push_back({{std::to_string(it->year)}, {core::formatFen(it->openingFen)}, {core::formatFen(it->contributedFen)},
                    {core::formatFen(it->interestFen)}, {core::formatFen(it->closingFen)}});
  table(ui,
        {{ui.tr.tr("query.col.year"_k), 0.16f}, {ui.tr.tr("query.col.opening"_k), 0.21f, true},
         {ui.tr.tr("query.col.contributed"_k), 0.21f, true}, {ui.tr.tr("query.col.interest"_k), 0.21f, true},
         {ui.tr.tr("query.col.closing"_k), 0.21f, true}},
        rows, w);
}

void benefits(UiContext& ui, const core::QueryAnswer& a, float w) {
  if (a.benefits.empty()) {
    text(ui, FontRole::Heading, ui.tr.tr("query.benefits.none"_k), ui.theme.palette.text, w);
    return;
  }
  text(ui, FontRole::Body, ui.tr.tr("query.amounts_in_yuan"_k), ui.theme.palette.mutedText, w);
  std::vector<std::vector<Cell>> rows;
  for (const auto& b : a.benefits)
    rows.push_back({{month(ui, b.month)}, {typeName(ui, b.type)}, {day(ui, b.paidOn)}, {core::formatFen(b.amountFen)}});
  table(ui,
        {{ui.tr.tr("query.col.month"_k), 0.22f}, {ui.tr.tr("query.col.benefit"_k), 0.26f},
         {ui.tr.tr("query.col.paid_on"_k), 0.28f}, {ui.tr.tr("query.col.amount"_k), 0.24f, true}},
        rows, w);
}

void applications(UiContext& ui, const core::QueryAnswer& a, float w) {
  if (a.applications.empty()) {
    text(ui, FontRole::Heading, ui.tr.tr("query.applications.none"_k), ui.theme.palette.text, w);
    return;
  }
  std::vector<std::vector<Cell>> rows;
  for (const auto& app : a.applications) {
    const core::Service* svc = core::findService(app.service);
    rows.push_back({{app.acceptanceNumber},
                    {svc ? ui.tr.tr(svc->nameKey()) : app.service},
                    {day(ui, app.acceptedOn)},
                    {day(ui, app.dueOn)},
                    {ui.tr.tr(core::applicationStateKey(app.state)), app.state == "rejected"}});
  }
  table(ui,
        {{ui.tr.tr("query.col.acceptance_number"_k), 0.25f}, {ui.tr.tr("query.col.service"_k), 0.21f},
         {ui.tr.tr("query.col.accepted"_k), 0.18f}, {ui.tr.tr("query.col.due"_k), 0.18f},
         {ui.tr.tr("query.col.state"_k), 0.18f}},
        rows, w);
}

std::string_view titleKey(QueryKind k) {
  switch (k) {
    case QueryKind::Participation: return "query.participation.title"_k;
    case QueryKind::Contributions: return "query.contributions.title"_k;
    case QueryKind::PensionAccount: return "query.pension_account.title"_k;
    case QueryKind::Benefits: return "query.benefits.title"_k;
    case QueryKind::Applications: return "query.applications.title"_k;
  }
  return "query.participation.title"_k;
}

}  // namespace

// The citizen's own records, read from the central server for this visit only: a table per
// record (paged with big buttons when long), contributions year by year with arrears and
// months without a record said in words.
void drawQuery(UiContext& ui, const core::SessionState& s, Area area) {
  if (!s.query) return;
  const QueryFlow& q = *s.query;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float bh = t.targetHeight() * 1.2f;
  const std::string finish = ui.tr.tr("common.finish"_k);
  const float fw = std::max(buttonWidthFor(ui, finish), t.targetHeight() * 3);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - fw, area.pos.y + area.size.y - bh));
  if (button(ui, "query.finish", finish, ImVec2(fw, bh), ButtonKind::Primary)) ui.emit(core::ev::Finish{});

  ImGui::SetCursorScreenPos(area.pos);
  const float titleH = text(ui, FontRole::Display, ui.tr.tr(titleKey(q.kind)), p.text, area.size.x * 0.4f);
  if (q.phase == QueryFlow::Phase::Loading) {
    text(ui, FontRole::Heading, ui.tr.tr("query.loading"_k), p.text, area.size.x);
    ui.animating = false;
    return;
  }
  if (q.phase == QueryFlow::Phase::Failed) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y));
    text(ui, FontRole::Heading, ui.tr.tr(q.problemKey), p.warning, area.size.x);
    return;
  }
  const auto& a = q.answer;
  float top = ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.5f;
  // Contributions: the year shown, and the years before/after it with records, on the
  // title's line (the table below needs the height).
  if (q.kind == QueryKind::Contributions && a.contributions) {
    const auto& years = a.contributions->years;
    const int shown = a.contributions->year;
    const auto it = std::find(years.begin(), years.end(), shown);
    const float yw = t.targetHeight() * 2.6f;
    const float x0 = area.pos.x + area.size.x - fw - t.gap() - 3 * yw - 2 * t.gap();
    const float yearsTop = area.pos.y + std::max(0.0f, (titleH - t.targetHeight()) / 2);
    top = std::max(top, yearsTop + t.targetHeight() + t.paragraphGap() * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(x0, yearsTop));
    if (it != years.end() && it != years.begin()) {
      const int earlier = *(it - 1);
      if (button(ui, "query.year.earlier", ui.tr.format("query.year.earlier"_k, {{"year", std::to_string(earlier)}}),
                 ImVec2(yw, t.targetHeight())))
        ui.emit(core::ev::QueryYear{earlier});
    }
    ImGui::SetCursorScreenPos(ImVec2(x0 + yw + t.gap(), yearsTop));
    button(ui, "query.year.shown", ui.tr.format("query.year.shown"_k, {{"year", std::to_string(shown)}}),
           ImVec2(yw, t.targetHeight()), ButtonKind::Selected);
    if (it != years.end() && it + 1 != years.end()) {
      const int later = *(it + 1);
      ImGui::SetCursorScreenPos(ImVec2(x0 + 2 * (yw + t.gap()), yearsTop));
      if (button(ui, "query.year.later", ui.tr.format("query.year.later"_k, {{"year", std::to_string(later)}}),
                 ImVec2(yw, t.targetHeight())))
        ui.emit(core::ev::QueryYear{later});
    }
  }
  const Area body{ImVec2(area.pos.x, top), ImVec2(area.size.x - fw - t.gap(), area.pos.y + area.size.y - top)};
  const std::string content = std::string(core::queryKindName(q.kind)) + std::to_string(q.request);
  beginPagedArea(ui, "query.body", body, content);
  const float w = ImGui::GetContentRegionAvail().x;
  switch (q.kind) {
    case QueryKind::Participation: participation(ui, a, w); break;
    case QueryKind::Contributions:
      if (a.contributions) contributions(ui, a, w, ui.env.today.year, ui.env.today.month);
      break;
    case QueryKind::PensionAccount: pensionAccount(ui, a, w); break;
    case QueryKind::Benefits: benefits(ui, a, w); break;
    case QueryKind::Applications: applications(ui, a, w); break;
  }
  ImGui::Dummy(ImVec2(1, 1));
  endPagedArea(ui, "query.body", body);
}

}  // namespace onestop::ui
