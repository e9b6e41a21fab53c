#pragma once
// Text on paper: Pango shapes and breaks lines (CJK rules, mixed scripts) and Cairo draws
// them, with fonts found through fontconfig. The faces are the screen's fallbacks
// (kiosk/ui/fonts.cpp), in the same order, so a name that renders on screen renders on
// paper: BabelStone Han (URO, Ext A, Ext G; a Song face, as official papers use), HanaMinB
// (Ext B-F), HanaMinA; Latin letters and digits from DejaVu Serif.
//
// Not Noto Sans/Serif CJK, the screen's first face: Cairo 1.16 (Debian 12) subsets CFF
// fonts wrongly. Depending on which other glyphs share the subset, a glyph's subroutines
// are dropped and it prints blank (如 in "情况如下", seen with pdftoppm and Ghostscript).
// The faces above are TrueType, which Cairo subsets correctly; bold is synthesised.
//
// One Typesetter per thread (Pango font maps are not thread-safe). All sizes in points.
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

typedef struct _cairo cairo_t;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoContext PangoContext;
typedef struct _PangoFontMap PangoFontMap;

namespace onestop::documents {

enum class Align { Left, Centre, Right };

struct TextStyle {
  double sizePt = 10.5;        ///< 五号, the size of official Chinese documents' body text
  bool bold = false;
  Align align = Align::Left;
  double lineSpacing = 1.3;    ///< × the font's height (accessibility.md: at least 1.3)
  double letterSpacingPt = 0;
};

struct GObjectDeleter {
  void operator()(void* object) const;
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

struct TextSize {
  double width = 0, height = 0;
};

class Typesetter {
 public:
  /// Fails, naming the Debian package, when the primary faces are missing.
  static core::Result<Typesetter> create();

  /// Text laid out in `width` points (0 = one line per paragraph, no wrapping).
  LayoutPtr layout(std::string_view text, const TextStyle& style, double width = 0) const;
  static TextSize size(PangoLayout* layout);
  /// Draws with the top-left corner at (x, y) in the current colour.
  static void draw(cairo_t* cr, PangoLayout* layout, double x, double y);
  /// Adds the outlines of the text to the current path (for clipping and patterns).
  static void addPath(cairo_t* cr, PangoLayout* layout, double x, double y);
  /// Characters no located font has (drawn as boxes): 0 when every glyph is real.
  static int missingGlyphs(PangoLayout* layout);

  /// Fallback families that are not installed (rare names may print as boxes): for the log.
  const std::string& missingFallbacks() const { return missing_; }

 private:
  std::shared_ptr<PangoFontMap> fontMap_;
  std::shared_ptr<PangoContext> context_;
  std::string missing_;
};

}  // namespace onestop::documents
