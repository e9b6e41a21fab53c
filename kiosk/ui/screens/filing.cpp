#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/i18n_key.hpp"
#include "core/service_catalogue.hpp"
#include "ui/keyboard.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

using core::FilingPhase;
using core::FilingStep;

// "138 0000 1234": groups a citizen can check digit by digit.
std::string groupedPhone(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i == 3 || i == 7) out += ' ';
    out += digits[i];
  }
  return out;
}

// "2026年5月" / "May 2026" from "2026-05".
std::string monthLabel(UiContext& ui, const std::string& month) {
  if (!core::isMonthText(month)) return month;
  const int m = std::stoi(month.substr(5, 2));
  return ui.tr.format("filing.flex.month"_k, {{"year", month.substr(0, 4)}, {"month", ui.tr.tr("month." + std::to_string(m))}});
}

std::string bankName(UiContext& ui, const std::string& id) {
  const core::Bank* b = core::findBank(id);
  return b ? ui.tr.tr(b->nameKey) : std::string();
}

// Drawing helpers shared by every phase: text lines down the left, the primary action
// bottom right (the same place on every screen).
struct Page {
  UiContext& ui;
  const core::FilingFlow& f;
  Area area;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  float bh = t.targetHeight() * 1.2f;

  float bodyWidth = 0;   ///< inside a paged body: its width
  void line(FontRole role, const std::string& s, Rgb colour, float gapFactor, float width = 0) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * gapFactor));
    text(ui, role, s, colour, width > 0 ? width : bodyWidth > 0 ? bodyWidth : area.size.x);
  }
  // The message under an entry: why "next" did not go on (in words), else a hint.
  void hintOrProblem(std::string_view hintKey, float width) {
    if (!f.entryProblemKey.empty()) line(FontRole::Body, ui.tr.tr(f.entryProblemKey), p.warning, 0.5f, width);
    else line(FontRole::Body, ui.tr.tr(hintKey), p.mutedText, 0.5f, width);
  }
  // A body that may be longer than the screen (large text): paged by big buttons on the
  // right, above the primary action at the bottom right.
  float beginBody(const char* id) {
    beginPagedArea(ui, id, bodyArea(), f.service + "." + std::to_string(static_cast<int>(f.phase)));
    return ImGui::GetContentRegionAvail().x;
  }
  void endBody(const char* id) {
    ImGui::Dummy(ImVec2(1, t.paragraphGap()));
    endPagedArea(ui, id, bodyArea());
  }
  float reserveBottom = 0;   ///< room kept under the body (the rating panel)
  Area bodyArea() const { return Area{area.pos, ImVec2(area.size.x, area.size.y - bh - t.gap() - reserveBottom)}; }
  void primary(const char* id, const std::string& label, core::Event e, bool enabled) {
    const float w = std::max(buttonWidthFor(ui, label), t.targetHeight() * 3);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - w, area.pos.y + area.size.y - bh));
    if (button(ui, id, label, ImVec2(w, bh), enabled ? ButtonKind::Primary : ButtonKind::Disabled) && enabled)
      ui.emit(std::move(e));
  }
  std::string serviceName() const {
    const core::Service* svc = core::findService(f.service);
    return svc ? ui.tr.tr(svc->nameKey()) : std::string();
  }
};

void drawKeypad(UiContext& ui, ImVec2 at, float width, float height) {
  if (auto key = keypad(ui, "filing.key.", at, width, height)) ui.emit(core::ev::FilingKey{*key});
}

// Keypad steps: the phone number, the bank card number.
void drawKeypadStep(Page& pg) {
  auto& ui = pg.ui;
  const auto& f = pg.f;
  // Text on the left; the keypad the full height beside it; "next" in the bottom-right
  // corner as on every screen (narrower here, so the keys stay big in large text too).
  const float leftW = pg.area.size.x * 0.46f;
  const FontRole promptRole = pg.t.large ? FontRole::Heading : FontRole::Display;
  ImGui::SetCursorScreenPos(pg.area.pos);
  bool enabled = false;
  if (f.currentStep() == FilingStep::Phone) {
    text(ui, FontRole::Heading, pg.serviceName(), pg.p.text, leftW);
    pg.line(promptRole, ui.tr.tr("filing.phone.prompt"_k), pg.p.text, 0.5f, leftW);
    // The number so far, in groups, with the digits still missing as underscores.
    std::string shown = groupedPhone(f.value);
    for (std::size_t i = f.value.size(); i < core::kPhoneDigits; ++i) shown += (i == 3 || i == 7) ? " _" : "_";
    pg.line(FontRole::Display, shown, pg.p.primary, 0.8f, leftW);
    enabled = core::isWellFormedPhone(f.value);
    if (f.value.size() == core::kPhoneDigits && !enabled)
      pg.line(FontRole::Body, ui.tr.tr("filing.phone.invalid"_k), pg.p.warning, 0.5f, leftW);
    else
      pg.line(FontRole::Body, ui.tr.tr("filing.phone.hint"_k), pg.p.mutedText, 0.5f, leftW);
  } else {
    text(ui, FontRole::Body, ui.tr.tr("filing.bank.label"_k) + bankName(ui, f.bank), pg.p.text, leftW);
    pg.line(promptRole, ui.tr.tr("filing.account.prompt"_k), pg.p.text, 0.5f, leftW);
    pg.line(promptRole, f.value.empty() ? std::string("____ ____ ____ ____") : core::groupedInFours(f.value),
            pg.p.primary, 0.8f, leftW);
    pg.line(FontRole::Body, ui.tr.format("filing.account.count"_k, {{"count", std::to_string(f.value.size())}}),
            pg.p.mutedText, 0.3f, leftW);
    pg.hintOrProblem("filing.account.hint"_k, leftW);
    enabled = f.value.size() >= core::kMinAccountDigits;
  }
  const std::string nextLabel = ui.tr.tr("filing.next"_k);
  const float nextW = std::max(buttonWidthFor(ui, nextLabel), pg.t.targetHeight() * 2);
  const float padX = pg.area.pos.x + leftW + pg.t.gap();
  const float padW = pg.area.pos.x + pg.area.size.x - nextW - pg.t.gap() - padX;
  drawKeypad(ui, ImVec2(padX, pg.area.pos.y), padW, pg.area.size.y);
  ImGui::SetCursorScreenPos(ImVec2(pg.area.pos.x + pg.area.size.x - nextW, pg.area.pos.y + pg.area.size.y - pg.bh));
  if (button(ui, "filing.next", nextLabel, ImVec2(nextW, pg.bh), enabled ? ButtonKind::Primary : ButtonKind::Disabled) &&
      enabled)
    ui.emit(core::ev::FilingNext{});
}

// A grid of big choice buttons under the prompt; the current choice shown selected.
struct Choice {
  std::string id, label, sublabel, value;
  bool selected = false;
};

void drawChoices(Page& pg, const std::vector<Choice>& choices, int columns, float top) {
  auto& ui = pg.ui;
  const float gap = pg.t.gap();
  const int rows = (static_cast<int>(choices.size()) + columns - 1) / columns;
  const float bottom = pg.area.pos.y + pg.area.size.y;
  const float w = (pg.area.size.x - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
  const float fit = (bottom - top - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows);
  const float h = std::clamp(fit, pg.t.targetHeight(), pg.t.targetHeight() * 1.6f);
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const auto& c = choices[i];
    const float x = pg.area.pos.x + static_cast<float>(static_cast<int>(i) % columns) * (w + gap);
    const float y = top + static_cast<float>(static_cast<int>(i) / columns) * (h + gap);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, c.id, c.label, ImVec2(w, h), c.selected ? ButtonKind::Selected : ButtonKind::Secondary, c.sublabel))
      ui.emit(core::ev::FilingChoose{c.value});
  }
}

void drawChoiceStep(Page& pg) {
  auto& ui = pg.ui;
  const auto& f = pg.f;
  std::vector<Choice> choices;
  std::string_view promptKey;
  std::string hint;
  switch (f.currentStep()) {
    case FilingStep::Bank:
      promptKey = "filing.bank.prompt"_k;
      hint = ui.tr.tr("filing.bank.hint"_k);
      for (const auto& b : core::kioskBanks())
        choices.push_back({"filing.bank." + std::string(b.id), ui.tr.tr(b.nameKey), {}, std::string(b.id), f.bank == b.id});
      break;
    case FilingStep::StartMonth: {
      promptKey = "filing.flex.month_prompt"_k;
      hint = ui.tr.tr("filing.flex.month_hint"_k);
      const auto months = core::offeredStartMonths(ui.env.today.year, ui.env.today.month);
      for (std::size_t i = 0; i < months.size(); ++i)
        choices.push_back({"filing.month." + std::to_string(i),
                           monthLabel(ui, months[i]) + (i == 1 ? ui.tr.tr("filing.flex.this_month"_k) : std::string()), {},
                           months[i], f.startMonth == months[i]});
      break;
    }
    case FilingStep::Base:
      promptKey = "filing.flex.base_prompt"_k;
      hint = ui.tr.format("filing.flex.base_hint"_k, {{"wage", ui.tr.money(core::kAverageMonthlyWageFen)}});
      for (int percent : core::basePercents()) {
        const auto fen = core::baseFenFor(percent);
        choices.push_back({"filing.base." + std::to_string(percent), ui.tr.money(fen),
                           ui.tr.format("filing.flex.base_share"_k, {{"percent", std::to_string(percent)}}),
                           std::to_string(fen), f.baseFen == fen});
      }
      break;
    default: return;
  }
  ImGui::SetCursorScreenPos(pg.area.pos);   // one prompt and the choices: the most room for big buttons
  text(ui, FontRole::Display, ui.tr.tr(promptKey), pg.p.text, pg.area.size.x);
  if (!f.entryProblemKey.empty() && f.entryProblemKey != promptKey)
    pg.line(FontRole::Body, ui.tr.tr(f.entryProblemKey), pg.p.warning, 0.3f);
  else
    pg.line(FontRole::Body, hint, pg.p.mutedText, 0.3f);
  drawChoices(pg, choices, 2, ImGui::GetCursorScreenPos().y + pg.t.paragraphGap());
}

// The region picker: province → city → district, a page of big buttons at a time, with
// the path picked so far above it ("back" goes up a level).
void drawRegionStep(Page& pg) {
  auto& ui = pg.ui;
  const auto& f = pg.f;
  // The prompt and the path, then as many places as fit (large text: a smaller prompt and
  // no hint, for two rows of big buttons).
  const bool large = pg.t.large;
  ImGui::SetCursorScreenPos(pg.area.pos);
  text(ui, large ? FontRole::Heading : FontRole::Display, ui.tr.tr("filing.address.region_prompt"_k), pg.p.text,
       pg.area.size.x);
  if (!ui.env.divisions) {   // no division data at this kiosk: say so, never a dead end
    pg.line(FontRole::Heading, ui.tr.tr("filing.address.unavailable"_k), pg.p.warning, 1.0f);
    return;
  }
  std::string path;
  for (const auto& r : f.region) path += (path.empty() ? "" : " › ") + r.name;
  if (!large || !path.empty())
    pg.line(FontRole::Body, path.empty() ? ui.tr.tr("filing.address.region_hint"_k) : path,
            path.empty() ? pg.p.mutedText : pg.p.primary, 0.3f);
  const std::string parent = f.region.empty() ? std::string() : f.region.back().code;
  const auto places = ui.env.divisions->children(parent);

  const float gap = pg.t.gap();
  const float top = ImGui::GetCursorScreenPos().y + pg.t.paragraphGap();
  const float pagerH = pg.t.targetHeight() * (large ? 0.8f : 1.0f);
  float h = pg.t.targetHeight();
  // Columns as narrow as the names allow (a long one may take two lines), never below 2.4
  // target heights wide.
  float widest = h * 2.4f;
  for (const auto* d : places) widest = std::max(widest, buttonWidthFor(ui, d->name) * 0.6f);
  const int columns = std::clamp(static_cast<int>((pg.area.size.x + gap) / (widest + gap)), 2, 6);
  // As many rows as fit, the buttons lower if that gains a row (never below 96 px at 1080p,
  // in large text too: well above the 88 px the accessibility rules ask).
  const float rowsSpace = pg.area.pos.y + pg.area.size.y - pagerH - gap - top;
  const float minH = makeTheme(ImGui::GetIO().DisplaySize.y, false).targetHeight() * 0.8f;
  const int rows = std::max(1, static_cast<int>((rowsSpace + gap) / (minH + gap)));
  h = std::min(h, (rowsSpace - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows));
  const int perPage = columns * rows;
  const int pages = std::max(1, (static_cast<int>(places.size()) + perPage - 1) / perPage);
  // The page of the list shown: a new list (another parent, or the picker shown afresh)
  // starts on page 1.
  static struct { std::string parent; int page = 0, frame = -10; } paging;
  if (paging.parent != parent || paging.frame < ImGui::GetFrameCount() - 1) paging = {parent, 0, 0};
  paging.frame = ImGui::GetFrameCount();
  const int page = std::clamp(paging.page, 0, pages - 1);
  const float w = (pg.area.size.x - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
  for (int i = 0; i < perPage; ++i) {
    const std::size_t at = static_cast<std::size_t>(page * perPage + i);
    if (at >= places.size()) break;
    const auto* d = places[at];
    ImGui::SetCursorScreenPos(ImVec2(pg.area.pos.x + static_cast<float>(i % columns) * (w + gap),
                                     top + static_cast<float>(i / columns) * (h + gap)));
    if (button(ui, "filing.region." + d->code, d->name, ImVec2(w, h), ButtonKind::Secondary))
      ui.emit(core::ev::FilingRegion{d->code, d->name, !ui.env.divisions->hasChildren(d->code)});
  }
  if (pages > 1) {
    const float y = pg.area.pos.y + pg.area.size.y - pagerH;
    const std::string prev = ui.tr.tr("common.page_up"_k), next = ui.tr.tr("common.page_down"_k);
    const float pw = std::max(buttonWidthFor(ui, prev), buttonWidthFor(ui, next));
    ImGui::SetCursorScreenPos(ImVec2(pg.area.pos.x, y));
    if (button(ui, "filing.region.page_up", prev, ImVec2(pw, pagerH), page > 0 ? ButtonKind::Secondary : ButtonKind::Disabled) &&
        page > 0)
      paging.page = page - 1, ui.animating = true;   // no session event: ask for the next frame
    ImGui::SetCursorScreenPos(ImVec2(pg.area.pos.x + pw + gap, y + (pagerH - fontSize(ui, FontRole::Body) * pg.t.lineSpacing()) / 2));
    text(ui, FontRole::Body,
         ui.tr.format("common.page_position"_k, {{"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}}),
         pg.p.text, buttonWidthFor(ui, "00 / 00") * 3);
    ImGui::SetCursorScreenPos(ImVec2(pg.area.pos.x + pg.area.size.x - pw, y));
    if (button(ui, "filing.region.page_down", next, ImVec2(pw, pagerH),
               page + 1 < pages ? ButtonKind::Secondary : ButtonKind::Disabled) &&
        page + 1 < pages)
      paging.page = page + 1, ui.animating = true;
  }
}

// The street on the on-screen keyboard: the field (region in front, the pinyin being
// composed after the text), "next" beside it, the keyboard below.
void drawStreetStep(Page& pg) {
  auto& ui = pg.ui;
  const auto& f = pg.f;
  // Large text: a full keyboard cannot fit at 1.4×, so this screen keeps the high-contrast
  // colours at the standard sizes (keys still ≥ 88 px at 1080p, text ≥ 30 pt), and the
  // prompt moves into the empty field.
  const bool large = ui.theme.large;
  Theme saved = ui.theme;
  if (large) {
    ui.theme = makeTheme(ImGui::GetIO().DisplaySize.y, false);
    ui.theme.large = true;
    ui.theme.palette = saved.palette;
  }
  const float gap = pg.t.gap();
  ImGui::SetCursorScreenPos(pg.area.pos);
  const bool problem = !f.entryProblemKey.empty();
  if (!large || problem)
    text(ui, FontRole::Body, ui.tr.tr(problem ? std::string_view(f.entryProblemKey) : "filing.address.street_prompt"_k),
         problem ? pg.p.warning : pg.p.text, pg.area.size.x);
  const float fieldY = ImGui::GetCursorScreenPos().y + gap * 0.3f;
  const float fieldH = pg.t.targetHeight() * (large ? 0.8f : 1.0f);
  const std::string nextLabel = ui.tr.tr("filing.next"_k);
  const float nextW = std::max(buttonWidthFor(ui, nextLabel), pg.t.targetHeight() * 2.2f);
  const float fieldW = pg.area.size.x - nextW - gap;
  // The field: a framed box, the region muted, the street in full, the preedit underlined.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(pg.area.pos.x, fieldY), ImVec2(pg.area.pos.x + fieldW, fieldY + fieldH), pg.p.surface.imgui(),
                    pg.t.rounding());
  dl->AddRect(ImVec2(pg.area.pos.x, fieldY), ImVec2(pg.area.pos.x + fieldW, fieldY + fieldH), pg.p.primary.imgui(),
              pg.t.rounding(), 0, 3.0f);
  std::string region;
  for (const auto& r : f.region) region += r.name;
  const float pad = gap * 0.6f;
  const float textY = fieldY + (fieldH - fontSize(ui, FontRole::Body) * pg.t.lineSpacing()) / 2;
  ImGui::SetCursorScreenPos(ImVec2(pg.area.pos.x + pad, textY));
  const float regionW = std::min(buttonWidthFor(ui, region) - gap, fieldW * 0.45f);
  text(ui, FontRole::Body, region, pg.p.mutedText, regionW);
  std::string typed = f.street;
  const auto& comp = ui.env.keyboard;
  if (comp.composing()) typed += comp.preedit;
  const bool placeholder = large && typed.empty();
  typed = placeholder ? "| " + ui.tr.tr("filing.address.street_prompt"_k) : typed + "|";
  ImGui::SetCursorScreenPos(ImVec2(pg.area.pos.x + pad + regionW + pad * 0.5f, textY));
  text(ui, FontRole::Body, typed, placeholder ? pg.p.mutedText : pg.p.text, fieldW - regionW - pad * 2.5f);
  ImGui::SetCursorScreenPos(ImVec2(pg.area.pos.x + pg.area.size.x - nextW, fieldY));
  const bool enabled = !f.street.empty() && !comp.composing();
  if (button(ui, "filing.next", nextLabel, ImVec2(nextW, fieldH), enabled ? ButtonKind::Primary : ButtonKind::Disabled) &&
      enabled)
    ui.emit(core::ev::FilingNext{});

  const float kbTop = fieldY + fieldH + gap * 0.6f;
  keyboardArea(ui, ImVec2(pg.area.pos.x, kbTop), ImVec2(pg.area.size.x, pg.area.pos.y + pg.area.size.y - kbTop));
  ui.theme = saved;
}

// "Is this right?": what is on record now (masked) and every new value in full (the
// citizen must be able to check it), the time limit and how it takes effect.
void drawConfirm(Page& pg) {
  auto& ui = pg.ui;
  const auto& f = pg.f;
  const core::Service* svc = core::findService(f.service);
  const int days = svc ? svc->timeLimitWorkingDays : 0;
  pg.bodyWidth = pg.beginBody("filing.body");
  const auto& current = f.current;
  const bool known = current.state == core::CurrentRecord::State::Known;
  if (f.service == "report_card_loss") {
    if (known && current.cardLost) {   // nothing to report: say so, and where a new card comes from
      text(ui, FontRole::Display, ui.tr.tr("filing.card_loss.already_lost"_k), pg.p.warning, pg.bodyWidth);
      pg.line(FontRole::Body, ui.tr.tr("filing.card_loss.next"_k), pg.p.text, 1.0f);
      pg.endBody("filing.body");
      pg.primary("filing.finish", ui.tr.tr("common.finish"_k), core::ev::Finish{}, true);
      return;
    }
    text(ui, FontRole::Display, ui.tr.tr("filing.card_loss.confirm"_k), pg.p.text, pg.bodyWidth);
    pg.line(FontRole::Heading, ui.tr.tr("filing.card_loss.status"_k), pg.p.primary, 0.8f);
    pg.line(FontRole::Heading, ui.tr.tr("filing.card_loss.effect"_k), pg.p.text, 0.8f);
    pg.line(FontRole::Body, ui.tr.tr("filing.card_loss.next"_k), pg.p.text, 0.8f);
    pg.line(FontRole::Body, ui.tr.tr("filing.card_loss.hint"_k), pg.p.mutedText, 0.8f);
    pg.endBody("filing.body");
    pg.primary("filing.submit", ui.tr.tr("filing.card_loss.submit"_k), core::ev::FilingNext{}, true);
    return;
  }
  // Large text: the values first and compact (label and value on one line), so what must
  // be checked is on the first page; the notes may go to the next.
  const bool large = pg.t.large;
  text(ui, large ? FontRole::Heading : FontRole::Display, ui.tr.tr("filing.confirm"_k), pg.p.text, pg.bodyWidth);
  if (!large) pg.line(FontRole::Heading, pg.serviceName(), pg.p.text, 0.6f);
  auto pair = [&](std::string_view labelKey, const std::string& value) {
    if (large) {
      pg.line(FontRole::Heading, ui.tr.tr(labelKey) + value, pg.p.primary, 0.3f);
      return;
    }
    pg.line(FontRole::Body, ui.tr.tr(labelKey), pg.p.text, 0.5f);
    pg.line(FontRole::Display, value, pg.p.primary, 0.1f);
  };
  // Old (masked by the server: enough to recognise, nothing more) above new (in full).
  auto old = [&](std::string_view labelKey) {
    std::string value = current.state == core::CurrentRecord::State::Loading ? ui.tr.tr("filing.current.loading"_k)
                        : !known                                          ? ui.tr.tr("filing.current.unavailable"_k)
                        : current.oldValueMasked.empty()                  ? ui.tr.tr("filing.current.none"_k)
                                                                          : current.oldValueMasked;
    // One line, label and value: what must be checked is the new value below.
    const Rgb colour = known && !current.oldValueMasked.empty() ? pg.p.text : pg.p.mutedText;
    pg.line(FontRole::Body, ui.tr.tr(labelKey) + value, colour, large ? 0.3f : 0.5f);
  };
  // Large text: the new values first (they must be checked on the first page), old after.
  const std::string_view oldKey = f.service == "change_phone"          ? "filing.phone.old"_k
                                  : f.service == "change_bank_account" ? "filing.account.old"_k
                                  : f.service == "change_address"      ? "filing.address.old"_k
                                                                       : std::string_view{};
  // A change of the same kind already under way: said before the values, so it is read
  // before "submit" (large text: after them, the values come first).
  auto pending = [&] {
    if (known && !current.pendingNumber.empty())
      pg.line(FontRole::Body, ui.tr.format("filing.current.pending"_k, {{"number", current.pendingNumber}}),
              pg.p.warning, 0.6f);
  };
  if (!large) pending();
  if (!oldKey.empty() && !large) old(oldKey);
  if (f.service == "change_phone") {
    pair("filing.phone.new"_k, groupedPhone(f.value));
  } else if (f.service == "change_bank_account") {
    pair("filing.bank.label"_k, bankName(ui, f.bank));
    pair("filing.account.label"_k, core::groupedInFours(f.value));
  } else if (f.service == "flexible_employment") {
    pair("filing.flex.start_label"_k, monthLabel(ui, f.startMonth));
    pair("filing.flex.base_label"_k, ui.tr.money(f.baseFen));
  } else if (f.service == "change_address") {
    pair("filing.address.new"_k, f.address());
  }
  if (!oldKey.empty() && large) old(oldKey);
  if (large) pending();
  if (f.service == "change_bank_account") pg.line(FontRole::Body, ui.tr.tr("filing.bank.approval"_k), pg.p.text, 0.8f);
  pg.line(FontRole::Body, ui.tr.format("filing.time_limit"_k, {{"days", std::to_string(days)}}), pg.p.text,
          f.service == "change_bank_account" ? 0.3f : 0.8f);
  pg.line(FontRole::Body, ui.tr.tr("filing.confirm_hint"_k), pg.p.mutedText, 0.3f);
  pg.endBody("filing.body");
  pg.primary("filing.submit", ui.tr.tr("filing.submit"_k), core::ev::FilingNext{}, true);
}

}  // namespace

// A filing: the service's values step by step (keypad, big choices, region lists, the
// on-screen keyboard), confirmed in full, then accepted with an acceptance number and time
// limit, or kept at the kiosk with a provisional receipt when the central system cannot
// be reached.
void drawFiling(UiContext& ui, const core::SessionState& s, Area area) {
  if (!s.filing) return;
  const core::FilingFlow& f = *s.filing;
  Page pg{ui, f, area};
  const Palette& p = pg.p;
  const float w = area.size.x;
  switch (f.phase) {
    case FilingPhase::Entering:
      if (!f.hasStep()) return;
      switch (f.currentStep()) {
        case FilingStep::Phone:
        case FilingStep::Account: drawKeypadStep(pg); break;
        case FilingStep::Bank:
        case FilingStep::StartMonth:
        case FilingStep::Base: drawChoiceStep(pg); break;
        case FilingStep::Region: drawRegionStep(pg); break;
        case FilingStep::Street: drawStreetStep(pg); break;
      }
      break;
    case FilingPhase::Confirming: drawConfirm(pg); break;
    case FilingPhase::Submitting:
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr("filing.submitting"_k), p.text, w);
      break;
    case FilingPhase::Accepted:
    case FilingPhase::Provisional: {
      const bool accepted = f.phase == FilingPhase::Accepted;
      const bool cardLoss = f.service == "report_card_loss";
      // Large text: the rating pages with the body (its first page keeps the number and "take
      // your receipt"); otherwise it sits between the body and Finish.
      const bool ratingInBody = accepted && s.rating && s.largeText;
      if (accepted && s.rating && !s.largeText) {
        // The five levels share the bottom row with Finish; the reasons need one row more.
        const float rows = s.rating->phase == core::RatingFlow::Phase::Reason ? 1 : 0;
        pg.reserveBottom = pg.t.paragraphGap() + fontSize(ui, FontRole::Heading) * pg.t.lineSpacing() +
                           rows * (pg.t.targetHeight() + pg.t.gap());
      }
      pg.bodyWidth = pg.beginBody("filing.body");
      text(ui, FontRole::Display, ui.tr.tr(accepted ? "filing.accepted"_k : "filing.provisional"_k), p.text, pg.bodyWidth);
      // The number and "take your receipt" first: on the first page even in large text.
      pg.line(FontRole::Heading,
              accepted ? ui.tr.tr("filing.acceptance_number"_k) + f.acceptanceNumber : ui.tr.tr("filing.reference"_k) + f.reference,
              p.text, 1.0f);
      pg.line(FontRole::Body, ui.tr.tr(f.receiptPrinted ? "filing.take_receipt"_k : "filing.no_receipt"_k),
              f.receiptPrinted ? p.text : p.warning, 0.6f);
      if (accepted) {
        if (f.timeLimitWorkingDays == 0)
          pg.line(FontRole::Body, ui.tr.tr(cardLoss ? "filing.card_loss.done"_k : "filing.done_now"_k), p.text, 0.6f);
        else
          pg.line(FontRole::Body,
                  ui.tr.format("filing.due"_k, {{"days", std::to_string(f.timeLimitWorkingDays)}, {"date", f.dueOn}}), p.text, 0.6f);
        if (f.service == "change_bank_account") pg.line(FontRole::Body, ui.tr.tr("filing.bank.approval"_k), p.text, 0.3f);
        if (cardLoss) pg.line(FontRole::Body, ui.tr.tr("filing.card_loss.next"_k), p.text, 0.3f);
        pg.line(FontRole::Body, ui.tr.tr("filing.follow"_k), p.mutedText, 0.6f);
        if (ratingInBody) {
          drawRatingPanel(ui, *s.rating, Area{ImGui::GetCursorScreenPos(), ImVec2(pg.bodyWidth, 1e6f)}, 1e6f);
          ImGui::Dummy(ImVec2(1, 1));
        }
      } else {
        // A card loss kept offline has not taken effect yet: say so plainly, and what to do.
        pg.line(FontRole::Body, ui.tr.tr(cardLoss ? "filing.card_loss.pending"_k : "filing.provisional_hint"_k),
                cardLoss ? p.warning : p.text, 0.6f);
      }
      pg.endBody("filing.body");
      // How satisfied they were (keyed to the acceptance number), between the body and Finish.
      if (accepted && s.rating && !ratingInBody) {
        const Area body = pg.bodyArea();
        const float finishW = std::max(buttonWidthFor(ui, ui.tr.tr("common.finish"_k)), pg.t.targetHeight() * 3);
        const bool reasons = s.rating->phase == core::RatingFlow::Phase::Reason;
        const float width = reasons ? area.size.x : area.size.x - finishW - pg.t.gap();
        ImGui::SetCursorScreenPos(ImVec2(area.pos.x, body.pos.y + body.size.y));
        drawRatingPanel(ui, *s.rating, Area{area.pos, ImVec2(width, area.size.y)}, area.pos.y + area.size.y);
      }
      pg.primary("filing.finish", ui.tr.tr("common.finish"_k), core::ev::Finish{}, true);
      break;
    }
    case FilingPhase::Failed:
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr("filing.failed"_k), p.warning, w);
      pg.line(FontRole::Heading, ui.tr.tr(f.problemKey), p.text, 1.0f);
      pg.line(FontRole::Body, ui.tr.tr("filing.failed_hint"_k), p.text, 0.6f);
      pg.primary("filing.finish", ui.tr.tr("common.finish"_k), core::ev::Finish{}, true);
      break;
  }
}

}  // namespace onestop::ui
