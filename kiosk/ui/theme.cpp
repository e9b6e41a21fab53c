#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace onestop::ui {
namespace {

double channel(uint8_t c) {
  const double s = c / 255.0;
  return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}
double luminance(Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

// Calm government blue on a light background.
constexpr Palette kStandard{
    .background = {244, 246, 249}, .surface = {255, 255, 255}, .text = {26, 32, 44},
    .mutedText = {74, 85, 104}, .border = {160, 174, 192},
    .primary = {11, 83, 163}, .onPrimary = {255, 255, 255},
    .secondary = {255, 255, 255}, .onSecondary = {11, 60, 120},
    .selected = {11, 83, 163}, .onSelected = {255, 255, 255},
    .banner = {10, 61, 122}, .onBanner = {255, 255, 255},
    .warning = {155, 28, 28}, .onWarning = {255, 255, 255}};

// Elderly mode: black on white, black buttons with yellow text.
constexpr Palette kHighContrast{
    .background = {255, 255, 255}, .surface = {255, 255, 255}, .text = {0, 0, 0},
    .mutedText = {30, 30, 30}, .border = {0, 0, 0},
    .primary = {0, 0, 0}, .onPrimary = {255, 221, 0},
    .secondary = {255, 255, 255}, .onSecondary = {0, 0, 0},
    .selected = {0, 0, 0}, .onSelected = {255, 221, 0},
    .banner = {0, 0, 0}, .onBanner = {255, 255, 255},
    .warning = {140, 0, 0}, .onWarning = {255, 255, 255}};

}  // namespace

double contrastRatio(Rgb a, Rgb b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::array<ColourPair, 7> Theme::readablePairs() const {
  const Palette& p = palette;
  return {{{"text/background", p.text, p.background},
           {"muted/background", p.mutedText, p.background},
           {"text/surface", p.text, p.surface},
           {"primary button", p.onPrimary, p.primary},
           {"secondary button", p.onSecondary, p.secondary},
           {"selected toggle", p.onSelected, p.selected},
           {"banner", p.onBanner, p.banner}}};
}

Theme makeTheme(float windowHeight, bool large) {
  Theme t;
  t.large = large;
  t.scale = std::max(0.5f, windowHeight / 1080.0f) * (large ? 1.4f : 1.0f);
  t.palette = large ? kHighContrast : kStandard;
  return t;
}

}  // namespace onestop::ui
