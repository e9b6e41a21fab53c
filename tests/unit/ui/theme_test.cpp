#include <doctest/doctest.h>

#include "ui/theme.hpp"

using namespace onestop::ui;

TEST_CASE("contrast ratio matches WCAG reference values") {
  CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
  CHECK(contrastRatio({255, 255, 255}, {255, 255, 255}) == doctest::Approx(1.0));
  CHECK(contrastRatio({118, 118, 118}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("every readable colour pair meets 4.5:1 in both modes") {
  for (bool large : {false, true}) {
    const Theme t = makeTheme(1080, large);
    for (const auto& pair : t.readablePairs()) {
      CAPTURE(large);
      CAPTURE(pair.name);
      CHECK(contrastRatio(pair.fg, pair.bg) >= 4.5);
    }
  }
}

TEST_CASE("sizes meet the accessibility figures at 1080p") {
  const Theme normal = makeTheme(1080, false);
  const Theme large = makeTheme(1080, true);
  CHECK(normal.targetHeight() >= 88);                       // touch targets
  CHECK(normal.display() >= 40);                            // largest text ≥ 30 pt
  CHECK(normal.lineSpacing() >= 1.3f);
  CHECK(normal.paragraphGap() + normal.body() * normal.lineSpacing() >=
        1.3f * normal.body() * normal.lineSpacing());       // paragraph gap ≥ 1.3 × line spacing
  CHECK(large.body() >= 1.4f * normal.body() - 0.01f);       // elderly mode ≥ 1.4×
  CHECK(large.targetHeight() >= 1.4f * normal.targetHeight() - 0.01f);
  CHECK(large.body() >= 24);                                // elderly main text ≥ 18 pt
}
