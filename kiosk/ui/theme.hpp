#pragma once
// Every colour and size of the kiosk in one place (specs/accessibility.md): text sizes,
// line spacing, touch targets, and colour pairs whose contrast a test checks.
#include <array>
#include <cstdint>
#include <string_view>

namespace onestop::ui {

struct Rgb {
  uint8_t r, g, b;
  uint32_t imgui(uint8_t alpha = 255) const {   // ImGui's IM_COL32 layout (ABGR)
    return (uint32_t{alpha} << 24) | (uint32_t{b} << 16) | (uint32_t{g} << 8) | uint32_t{r};
  }
};

/// WCAG 2.x contrast ratio between two colours (1..21).
double contrastRatio(Rgb a, Rgb b);

struct Palette {
  Rgb background, surface, text, mutedText, border;
  Rgb primary, onPrimary;       // main action buttons
  Rgb secondary, onSecondary;   // other buttons
  Rgb selected, onSelected;     // current language, toggles that are on
  Rgb banner, onBanner;         // top bar
  Rgb warning, onWarning;
};

struct ColourPair {
  std::string_view name;
  Rgb fg, bg;
};

struct Theme {
  bool large = false;           ///< elderly mode: larger text and targets, high contrast
  float scale = 1.0f;           ///< window height / 1080 × (1.4 in elderly mode)
  Palette palette{};

  // Sizes in pixels at the current scale.
  float body() const { return 40.0f * scale; }       ///< main text (≥ 30 pt at kiosk distance)
  float heading() const { return 54.0f * scale; }
  float display() const { return 76.0f * scale; }    ///< hall name, clock, screen titles
  float lineSpacing() const { return 1.4f; }         ///< ≥ 1.3 × within a paragraph
  float paragraphGap() const { return body() * 0.6f; }
  float targetHeight() const { return 120.0f * scale; }   ///< ≥ 88 px at 1080p
  float margin() const { return 48.0f * scale; }
  float gap() const { return 28.0f * scale; }
  float rounding() const { return 18.0f * scale; }

  /// Colour pairs a person reads; the contrast test walks them.
  std::array<ColourPair, 7> readablePairs() const;
};

/// The theme for a window height and mode (elderly mode: ≥ 1.4× and high contrast).
Theme makeTheme(float windowHeight, bool large);

}  // namespace onestop::ui
