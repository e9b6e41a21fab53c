#include <string>

#include "core/utf8.hpp"
#include "core/i18n_key.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace onestop::ui {

// Operator screen: which fonts were found and whether sample names with rare characters
// (CJK Extension A–G) have a real glyph for every character.
void drawDisplayCheck(UiContext& ui, const core::SessionState&, Area area) {
  const Palette& p = ui.theme.palette;
  beginPagedArea(ui, "display_check.body", area, "");
  const float w = ImGui::GetContentRegionAvail().x;
  text(ui, FontRole::Heading, ui.tr.tr("display_check.fonts"_k), p.text, w);
  for (const auto& f : ui.fonts.faces()) text(ui, FontRole::Body, "• " + f.family, p.text, w);
  for (const auto& m : ui.fonts.missingFallbacks())
    text(ui, FontRole::Body, ui.tr.format("display_check.missing_font"_k, {{"font", m}}), p.warning, w);
  ImGui::Dummy(ImVec2(1, ui.theme.paragraphGap()));
  text(ui, FontRole::Heading, ui.tr.tr("display_check.names"_k), p.text, w);
  for (const auto& name : ui.env.sampleNames) {
    int missing = 0;
    for (char32_t cp : core::decodeUtf8(name))
      if (cp >= 0x80 && !ui.fonts.covers(cp)) ++missing;
    const std::string verdict = missing == 0 ? ui.tr.tr("display_check.all_glyphs"_k)
                                             : ui.tr.format("display_check.glyphs_missing"_k, {{"count", std::to_string(missing)}});
    text(ui, FontRole::Display, name, p.text, w);
    text(ui, FontRole::Body, verdict, missing == 0 ? p.mutedText : p.warning, w);
  }
  endPagedArea(ui, "display_check.body", area);
}

}  // namespace onestop::ui
