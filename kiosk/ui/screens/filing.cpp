#include <imgui.h>

#include <string>

#include "core/i18n_key.hpp"
#include "core/masking.hpp"
#include "core/service_catalogue.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

using core::FilingPhase;

// "138 0000 1234": groups a citizen can check digit by digit.
std::string grouped(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i == 3 || i == 7) out += ' ';
    out += digits[i];
  }
  return out;
}

// A big telephone-style keypad (1 2 3 / 4 5 6 / 7 8 9 / clear 0 delete): no typing skills
// needed, every key a large target.
void drawKeypad(UiContext& ui, ImVec2 at, float width, float height) {
  const Theme& t = ui.theme;
  const float gap = t.gap();
  const float kw = (width - 2 * gap) / 3, kh = (height - 3 * gap) / 4;
  const std::string labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9",
                                  ui.tr.tr("filing.key.clear"_k), "0", ui.tr.tr("filing.key.delete"_k)};
  const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 'C', '0', '<'};
  for (int i = 0; i < 12; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(at.x + static_cast<float>(i % 3) * (kw + gap), at.y + static_cast<float>(i / 3) * (kh + gap)));
    if (button(ui, std::string("filing.key.") + keys[i], labels[i], ImVec2(kw, kh), ButtonKind::Secondary))
      ui.emit(core::ev::FilingKey{keys[i]});
  }
}

}  // namespace

// A filing: the new phone number on a keypad, confirmed in full (the citizen must be able to
// check it), then accepted with an acceptance number and time limit, or kept at the kiosk
// with a provisional receipt when the central system cannot be reached.
void drawFiling(UiContext& ui, const core::SessionState& s, Area area) {
  if (!s.filing) return;
  const core::FilingFlow& f = *s.filing;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float bh = t.targetHeight() * 1.2f;
  const core::Service* svc = core::findService(f.service);
  const std::string serviceName = svc ? ui.tr.tr(svc->nameKey()) : std::string();
  auto primary = [&](const char* id, std::string_view labelKey, core::Event e, bool enabled) {
    const std::string label = ui.tr.tr(labelKey);
    const float w = std::max(buttonWidthFor(ui, label), t.targetHeight() * 3);
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - w, area.pos.y + area.size.y - bh));
    if (button(ui, id, label, ImVec2(w, bh), enabled ? ButtonKind::Primary : ButtonKind::Disabled) && enabled)
      ui.emit(std::move(e));
  };
  auto line = [&](FontRole role, const std::string& s2, Rgb colour, float gapFactor) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * gapFactor));
    text(ui, role, s2, colour, area.size.x * 0.5f);
  };

  switch (f.phase) {
    case FilingPhase::Entering: {
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Heading, serviceName, p.text, area.size.x * 0.5f);
      line(FontRole::Display, ui.tr.tr("filing.phone.prompt"_k), p.text, 0.5f);
      // The number so far, in groups, with the digits still missing as underscores.
      std::string shown = grouped(f.value);
      for (std::size_t i = f.value.size(); i < core::kPhoneDigits; ++i) shown += (i == 3 || i == 7) ? " _" : "_";
      line(FontRole::Display, shown, p.primary, 0.8f);
      const bool complete = core::isWellFormedPhone(f.value);
      if (f.value.size() == core::kPhoneDigits && !complete)
        line(FontRole::Body, ui.tr.tr("filing.phone.invalid"_k), p.warning, 0.5f);
      else
        line(FontRole::Body, ui.tr.tr("filing.phone.hint"_k), p.mutedText, 0.5f);
      const float padW = std::min(area.size.x * 0.42f, area.size.y * 0.9f);
      drawKeypad(ui, ImVec2(area.pos.x + area.size.x * 0.52f, area.pos.y), padW, area.size.y - bh - t.gap() * 2);
      primary("filing.next", "filing.next"_k, core::ev::FilingNext{}, complete);
      break;
    }
    case FilingPhase::Confirming: {
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr("filing.confirm"_k), p.text, area.size.x);
      line(FontRole::Heading, serviceName, p.text, 1.0f);
      line(FontRole::Body, ui.tr.tr("filing.phone.new"_k), p.text, 0.6f);
      line(FontRole::Display, grouped(f.value), p.primary, 0.2f);
      line(FontRole::Body, ui.tr.format("filing.time_limit"_k, {{"days", std::to_string(svc ? svc->timeLimitWorkingDays : 0)}}),
           p.text, 0.8f);
      line(FontRole::Body, ui.tr.tr("filing.confirm_hint"_k), p.mutedText, 0.5f);
      primary("filing.submit", "filing.submit"_k, core::ev::FilingNext{}, true);
      break;
    }
    case FilingPhase::Submitting: {
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr("filing.submitting"_k), p.text, area.size.x);
      break;
    }
    case FilingPhase::Accepted:
    case FilingPhase::Provisional: {
      const bool accepted = f.phase == FilingPhase::Accepted;
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr(accepted ? "filing.accepted"_k : "filing.provisional"_k), p.text, area.size.x);
      if (accepted) {
        line(FontRole::Heading, ui.tr.tr("filing.acceptance_number"_k) + f.acceptanceNumber, p.text, 1.0f);
        line(FontRole::Body, ui.tr.format("filing.due"_k, {{"days", std::to_string(f.timeLimitWorkingDays)}, {"date", f.dueOn}}),
             p.text, 0.6f);
        line(FontRole::Body, ui.tr.tr("filing.follow"_k), p.mutedText, 0.6f);
      } else {
        line(FontRole::Heading, ui.tr.tr("filing.reference"_k) + f.reference, p.text, 1.0f);
        line(FontRole::Body, ui.tr.tr("filing.provisional_hint"_k), p.text, 0.6f);
      }
      line(FontRole::Body, ui.tr.tr(f.receiptPrinted ? "filing.take_receipt"_k : "filing.no_receipt"_k),
           f.receiptPrinted ? p.text : p.warning, 0.6f);
      primary("filing.finish", "common.finish"_k, core::ev::Finish{}, true);
      break;
    }
    case FilingPhase::Failed: {
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr("filing.failed"_k), p.warning, area.size.x);
      line(FontRole::Heading, ui.tr.tr(f.problemKey), p.text, 1.0f);
      line(FontRole::Body, ui.tr.tr("filing.failed_hint"_k), p.text, 0.6f);
      primary("filing.finish", "common.finish"_k, core::ev::Finish{}, true);
      break;
    }
  }
}

}  // namespace onestop::ui
