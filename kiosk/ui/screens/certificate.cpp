#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "core/i18n_key.hpp"
#include "core/iso_date.hpp"
#include "ui/screens/certificate_period.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {
namespace {

using core::CertificatePhase;

std::string_view titleKeyOf(const std::string& type) {
  if (type == "rights_record") return "certificate.type.rights_record"_k;
  if (type == "benefit") return "certificate.type.benefit"_k;
  return "certificate.type.participation"_k;
}

// The first page as it will print, as large as the area allows, with a thin frame.
void drawPreview(UiContext& ui, ImVec2 at, float maxW, float maxH) {
  const Theme& t = ui.theme;
  if (!ui.env.documentPreview || ui.env.documentPreviewWidth <= 0 || ui.env.documentPreviewHeight <= 0) return;
  const float aspect = static_cast<float>(ui.env.documentPreviewWidth) / static_cast<float>(ui.env.documentPreviewHeight);
  const float h = std::min(maxH, maxW / aspect), w = h * aspect;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a(at.x + (maxW - w) / 2, at.y), b(a.x + w, a.y + h);
  dl->AddImage(static_cast<ImTextureID>(ui.env.documentPreview), a, b);
  dl->AddRect(a, b, t.palette.border.imgui(), 0, 0, 2 * t.scale);
}

// "2027-02-22" as the citizen reads dates elsewhere on screen (the API's form otherwise).
std::string readableDate(UiContext& ui, const std::string& iso) {
  const auto ymd = core::parseIsoDate(iso);
  if (!ymd) return iso;
  return ui.tr.date({static_cast<int>(ymd->year()), static_cast<int>(static_cast<unsigned>(ymd->month())),
                     static_cast<int>(static_cast<unsigned>(ymd->day())),
                     static_cast<int>(std::chrono::weekday(std::chrono::sys_days(*ymd)).c_encoding())});
}

// Facts beside the preview: the period, serial, pages, code, validity.
void drawFacts(UiContext& ui, const core::CertificateFlow& c, float x, float width) {
  const Theme& t = ui.theme;
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.3f));
  text(ui, FontRole::Body, periodLineText(ui, c.period), t.palette.text, width);
  auto line = [&](std::string_view labelKey, const std::string& value) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.3f));
    text(ui, FontRole::Body, ui.tr.tr(labelKey) + value, t.palette.text, width);
  };
  // Large text: the period and what to do fit beside the preview; the serial, pages, code
  // and validity are on the paper itself, its receipt and the done screen.
  if (t.large) return;
  line("certificate.serial"_k, c.serial);
  line("certificate.pages"_k, std::to_string(c.pages));
  line("certificate.code"_k, c.verificationCode);
  line("certificate.valid_until"_k, readableDate(ui, c.validUntil));
}

}  // namespace

// One certificate: issuing (the server signs it), the preview to confirm, printing, and
// "please take your document" only once the printer said the job completed. A failure says
// what happened and what to do instead, in plain words.
void drawCertificate(UiContext& ui, const core::SessionState& s, Area area) {
  if (!s.certificate) return;
  const core::CertificateFlow& c = *s.certificate;
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float bh = t.targetHeight() * 1.2f;
  const std::string finish = ui.tr.tr("common.finish"_k);
  const float finishW = std::max(buttonWidthFor(ui, finish), t.targetHeight() * 3);
  auto finishButton = [&](ButtonKind kind) {
    ImGui::SetCursorScreenPos(ImVec2(area.pos.x + area.size.x - finishW, area.pos.y + area.size.y - bh));
    if (button(ui, "certificate.finish", finish, ImVec2(finishW, bh), kind)) ui.emit(core::ev::Finish{});
  };
  const std::string title = ui.tr.tr(titleKeyOf(c.type));

  switch (c.phase) {
    case CertificatePhase::ChoosingPeriod: drawCertificatePeriod(ui, area); break;
    case CertificatePhase::Requesting: {
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr("certificate.requesting"_k), p.text, area.size.x);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
      text(ui, FontRole::Heading, title, p.text, area.size.x);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
      text(ui, FontRole::Body, ui.tr.tr("certificate.requesting_hint"_k), p.mutedText, area.size.x);
      break;
    }
    case CertificatePhase::Preview: {
      const float previewW = area.size.x * 0.42f;
      drawPreview(ui, area.pos, previewW, area.size.y);
      const float x = area.pos.x + previewW + t.gap() * 2, w = area.size.x - previewW - t.gap() * 2;
      ImGui::SetCursorScreenPos(ImVec2(x, area.pos.y));
      // Large text: the preview shows the title; the column keeps room for what to do.
      if (!t.large) text(ui, FontRole::Heading, title, p.text, w);
      drawFacts(ui, c, x, w);
      ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
      text(ui, FontRole::Body, ui.tr.tr("certificate.preview_prompt"_k), p.text, w);
      if (!s.printerReady) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.5f));
        text(ui, FontRole::Body, ui.tr.tr("certificate.printer_not_ready"_k), p.warning, w);
      }
      const std::string print = ui.tr.tr("certificate.print"_k);
      const float pw = std::max(buttonWidthFor(ui, print), t.targetHeight() * 3);
      ImGui::SetCursorScreenPos(ImVec2(x, area.pos.y + area.size.y - bh));
      if (button(ui, "certificate.print", print, ImVec2(pw, bh), ButtonKind::Primary))
        ui.emit(core::ev::PrintCertificate{});
      finishButton(ButtonKind::Secondary);
      break;
    }
    case CertificatePhase::Printing: {
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr("certificate.printing"_k), p.text, area.size.x);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
      text(ui, FontRole::Heading, ui.tr.tr("certificate.printing_hint"_k), p.mutedText, area.size.x);
      break;
    }
    case CertificatePhase::Done: {
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display,
           ui.tr.tr(c.receiptPrinted ? "certificate.take_it_and_receipt"_k : "certificate.take_it"_k), p.text,
           area.size.x);
      if (!c.receiptPrinted) {
        ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.5f));
        text(ui, FontRole::Body, ui.tr.tr("certificate.no_receipt"_k), p.warning, area.size.x);
      }
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.5f));
      text(ui, FontRole::Body,
           title + "    " + ui.tr.tr("certificate.serial"_k) + c.serial + "    " + ui.tr.tr("certificate.code"_k) +
               c.verificationCode,
           p.text, area.size.x);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.3f));
      text(ui, FontRole::Body, periodLineText(ui, c.period), p.text, area.size.x);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap() * 0.3f));
      text(ui, FontRole::Body, ui.tr.tr("certificate.how_to_verify"_k), p.mutedText, area.size.x);
      if (s.rating) drawRatingPanel(ui, *s.rating, area, area.pos.y + area.size.y - bh - t.gap());
      finishButton(ButtonKind::Primary);
      break;
    }
    case CertificatePhase::Failed: {
      ImGui::SetCursorScreenPos(area.pos);
      text(ui, FontRole::Display, ui.tr.tr(c.printFailed ? "certificate.not_printed"_k : "certificate.not_issued"_k),
           p.warning, area.size.x);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
      text(ui, FontRole::Heading, ui.tr.tr(c.problemKey), p.text, area.size.x);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, ImGui::GetCursorScreenPos().y + t.paragraphGap()));
      text(ui, FontRole::Body, ui.tr.tr("certificate.what_now"_k), p.text, area.size.x);
      const std::string again = ui.tr.tr("certificate.try_again"_k);
      const float aw = std::max(buttonWidthFor(ui, again), t.targetHeight() * 3);
      ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + area.size.y - bh));
      if (button(ui, "certificate.try_again", again, ImVec2(aw, bh), ButtonKind::Secondary))
        ui.emit(c.printFailed ? core::Event{core::ev::PrintCertificate{}} : core::Event{core::ev::RequestCertificate{}});
      if (!c.printFailed) {   // not issued: other months may have something on record
        const std::string other = ui.tr.tr("certificate.period.choose_again"_k);
        const float ow = std::max(buttonWidthFor(ui, other), t.targetHeight() * 3);
        ImGui::SetCursorScreenPos(ImVec2(area.pos.x + aw + t.gap(), area.pos.y + area.size.y - bh));
        if (button(ui, "certificate.period.choose_again", other, ImVec2(ow, bh), ButtonKind::Secondary))
          ui.emit(core::ev::Back{});
      }
      finishButton(ButtonKind::Primary);
      break;
    }
  }
}

}  // namespace onestop::ui
