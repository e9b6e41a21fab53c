#include "ui/kiosk_ui.hpp"
#include "core/i18n_key.hpp"

#include <algorithm>
#include <string>

#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

using core::Screen;

float drawBanner(UiContext& ui, ImVec2 size) {
  const Theme& t = ui.theme;
  const float h = t.heading() * 2.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, h), t.palette.banner.imgui());
  const std::string hall = ui.env.hallName.empty() ? ui.tr.tr("hall.default_name"_k) : ui.env.hallName;
  const std::string clock = ui.tr.date(ui.env.today) + "  " + ui.tr.time(ui.env.hour, ui.env.minute);
  const float clockW = buttonWidthFor(ui, clock, FontRole::Body);
  ImGui::SetCursorScreenPos(ImVec2(t.margin(), (h - t.heading() * t.lineSpacing()) / 2));
  text(ui, FontRole::Heading, hall, t.palette.onBanner, size.x - clockW - 2 * t.margin());
  ImGui::SetCursorScreenPos(ImVec2(size.x - clockW - t.margin() / 2, (h - t.body() * t.lineSpacing()) / 2));
  text(ui, FontRole::Body, clock, t.palette.onBanner, clockW);
  return h;
}

// While the central system cannot be reached, a strip under the banner says so on every
// screen, and what still works: nobody should find out only after queueing at the kiosk.
// Online with items still waiting (just reconnected), a quieter strip says they are going.
float drawLinkNotice(UiContext& ui, const core::SessionState& s, ImVec2 size) {
  const bool down = s.link == core::LinkStatus::Offline || s.link == core::LinkStatus::Degraded;
  if (!down && s.queuedItems <= 0) return 0;
  const Theme& t = ui.theme;
  const float top = t.heading() * 2.0f;
  const std::string count = std::to_string(s.queuedItems);
  std::string notice;
  if (down) {
    notice = ui.tr.tr("link.offline"_k);
    if (s.queuedItems > 0) notice += "  " + ui.tr.format("link.queued"_k, {{"count", count}});
  } else {
    notice = ui.tr.format("link.sending"_k, {{"count", count}});
  }
  const float textW = size.x - 2 * t.margin();
  const float h = measureText(ui, FontRole::Body, notice, textW) + t.gap();
  const Rgb bg = down ? t.palette.warning : t.palette.surface;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), ImVec2(size.x, top + h), bg.imgui());
  ImGui::SetCursorScreenPos(ImVec2(t.margin(), top + t.gap() / 2));
  text(ui, FontRole::Body, notice, down ? t.palette.onWarning : t.palette.text, textW);
  return h;
}

// Back and home on the left (not on the home screen); language, large text and voice on
// the right of every screen, so a citizen can change them wherever they are.
float drawToolbar(UiContext& ui, const core::SessionState& s, const std::string& title, float top, float width) {
  const Theme& t = ui.theme;
  const float h = t.targetHeight();
  const float y = top + t.gap();
  float x = t.margin();
  const bool printing = (s.screen == Screen::Certificate && s.certificate &&
                         s.certificate->phase == core::CertificatePhase::Printing) ||
                        (s.screen == Screen::Filing && s.filing && s.filing->phase == core::FilingPhase::Submitting);
  if (s.screen != Screen::Home && s.screen != Screen::Identified && !printing) {
    const std::string back = "◀ " + ui.tr.tr("common.back"_k);
    const float bw = buttonWidthFor(ui, back);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, "nav.back", back, ImVec2(bw, h), ButtonKind::Secondary)) ui.emit(core::ev::Back{});
    x += bw + t.gap();
    const std::string home = ui.tr.tr("common.home"_k);
    const float hw = buttonWidthFor(ui, home);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, "nav.home", home, ImVec2(hw, h), ButtonKind::Secondary)) ui.emit(core::ev::GoHome{});
    x += hw + t.gap() * 1.5f;
  }

  float right = width - t.margin();
  auto rightButton = [&](const char* id, const std::string& label, bool on, core::Event e) {
    const float w = buttonWidthFor(ui, label);
    right -= w;
    ImGui::SetCursorScreenPos(ImVec2(right, y));
    if (button(ui, id, label, ImVec2(w, h), on ? ButtonKind::Selected : ButtonKind::Secondary)) ui.emit(std::move(e));
    right -= t.gap() * 0.5f;
  };
  // The toggles say their state in words, not only by colour.
  rightButton("toolbar.large_text", ui.tr.tr(s.largeText ? "toolbar.large_text_on"_k : "toolbar.large_text_off"_k),
              s.largeText, core::ev::ToggleLargeText{});
  // Voice is switched on at the first screen (where the toolbar has room) and stays at hand
  // while on, so it can be switched off anywhere; elsewhere the screen title needs the space.
  if (s.screen == Screen::Home || s.voice)
    rightButton("toolbar.voice", ui.tr.tr(s.voice ? "toolbar.voice_on"_k : "toolbar.voice_off"_k), s.voice,
                core::ev::ToggleVoice{});
  right -= t.gap();
  const auto& langs = ui.catalogs.languages();
  for (auto it = langs.rbegin(); it != langs.rend(); ++it)
    rightButton(("toolbar.lang." + it->code).c_str(), it->nativeName, it->code == s.language,
                core::ev::SetLanguage{it->code});
  // The screen's title sits between navigation and settings, in the largest size that
  // fits on one line there (in large-text mode the content needs every pixel of height).
  if (!title.empty()) {
    const float space = right - x - t.gap();
    for (FontRole role : {FontRole::Heading, FontRole::Body}) {
      if (buttonWidthFor(ui, title, role) - 2 * t.gap() > space) continue;
      ImGui::SetCursorScreenPos(ImVec2(x, y + (h - fontSize(ui, role) * t.lineSpacing()) / 2));
      text(ui, role, title, t.palette.text, space);
      break;
    }
  }
  return y + h + t.gap();
}

// "Are you still there?" over the whole screen for the last seconds of an idle session. It
// is its own window on top, so a tap anywhere lands on it (and resets the idle clock)
// rather than on the screen beneath.
void drawCountdown(UiContext& ui, ImVec2 size) {
  const Theme& t = ui.theme;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 150));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("###countdown", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const float w = std::min(size.x * 0.7f, t.body() * 26), h = t.targetHeight() * 4.2f;
  const ImVec2 a((size.x - w) / 2, (size.y - h) / 2);
  ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + w, a.y + h), t.palette.surface.imgui(), 16 * t.scale);
  const float pad = t.margin();
  ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad));
  text(ui, FontRole::Display, ui.tr.tr("countdown.title"_k), t.palette.text, w - 2 * pad, true);
  ImGui::SetCursorScreenPos(ImVec2(a.x + pad, ImGui::GetCursorScreenPos().y + t.gap()));
  text(ui, FontRole::Heading,
       ui.tr.format("countdown.body"_k, {{"seconds", std::to_string(ui.env.countdownSeconds)}}), t.palette.text,
       w - 2 * pad, true);
  const std::string more = ui.tr.tr("countdown.more_time"_k);
  const float bw = std::max(buttonWidthFor(ui, more), t.targetHeight() * 4), bh = t.targetHeight() * 1.2f;
  ImGui::SetCursorScreenPos(ImVec2(a.x + (w - bw) / 2, a.y + h - pad - bh));
  button(ui, "countdown.more_time", more, ImVec2(bw, bh), ButtonKind::Primary);   // the tap itself is the answer
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

std::string screenTitle(UiContext& ui, const core::SessionState& s) {
  switch (s.screen) {
    case Screen::Home: return {};
    case Screen::ServiceGuide: return ui.tr.tr("guide.title"_k);
    case Screen::ServiceDetail: return ui.tr.tr("detail.title"_k);
    case Screen::DisplayCheck: return ui.tr.tr("display_check.title"_k);
    case Screen::Identify: return ui.tr.tr("identify.title"_k);
    case Screen::Identified: return ui.tr.tr("identify.title"_k);
    case Screen::Scan:
    case Screen::ScanResult: return ui.tr.tr("scan.title"_k);
    case Screen::Certificate: return ui.tr.tr("certificate.title"_k);
    case Screen::Filing: return ui.tr.tr("filing.title"_k);
    case Screen::Ticket: return ui.tr.tr("ticket.title"_k);
    case Screen::Query: return ui.tr.tr("query.title"_k);
    case Screen::Complaint: return ui.tr.tr("complaint.title"_k);
    case Screen::ProgressEntry: return ui.tr.tr("progress.entry.title"_k);
  }
  return {};
}

}  // namespace

void drawFrame(UiContext& ui, const core::SessionState& s) {
  ui.log.clear();
  ui.intents.clear();
  const Theme& t = ui.theme;
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, t.palette.background.imgui());
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::Begin("###kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  const float bannerH = drawBanner(ui, size) + drawLinkNotice(ui, s, size);
  const float contentTop = drawToolbar(ui, s, screenTitle(ui, s), bannerH, size.x);
  const Area content{ImVec2(t.margin(), contentTop),
                     ImVec2(size.x - 2 * t.margin(), size.y - contentTop - t.margin())};
  switch (s.screen) {
    case Screen::Home: drawHome(ui, s, content); break;
    case Screen::ServiceGuide: drawServiceGuide(ui, s, content); break;
    case Screen::ServiceDetail: drawServiceDetail(ui, s, content); break;
    case Screen::DisplayCheck: drawDisplayCheck(ui, s, content); break;
    case Screen::Identify: drawIdentify(ui, s, content); break;
    case Screen::Identified: drawIdentified(ui, s, content); break;
    case Screen::Scan: drawScan(ui, s, content); break;
    case Screen::ScanResult: drawScanResult(ui, s, content); break;
    case Screen::Certificate:
    case Screen::Filing:
      if (s.rating && s.rating->phase == core::RatingFlow::Phase::Comment) drawRatingComment(ui, *s.rating, content);
      else if (s.screen == Screen::Certificate) drawCertificate(ui, s, content);
      else drawFiling(ui, s, content);
      break;
    case Screen::Ticket: drawTicket(ui, s, content); break;
    case Screen::Query: drawQuery(ui, s, content); break;
    case Screen::Complaint: drawComplaint(ui, s, content); break;
    case Screen::ProgressEntry: drawProgressEntry(ui, s, content); break;
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
  if (ui.env.countdownSeconds > 0) drawCountdown(ui, size);
}

void forgetSession(UiContext& ui, const std::set<char32_t>& keep) {
  ui.fonts.forgetExcept(keep);
  ui.log.clear();
  ui.intents.clear();
  ui.typed.clear();
  forgetPagedAreas();
}

}  // namespace onestop::ui
