#include "documents/anti_copy.hpp"

#include <cmath>
#include <numbers>

namespace onestop::documents {
namespace {

constexpr double kMm = 72.0 / 25.4;
// Equal coverage (about 10 %): radius and pitch both double from fine to coarse. The fine
// dots (0.18 mm across) are below what office copiers reproduce; the coarse ones are not.
constexpr double kFinePitch = 0.5 * kMm, kFineRadius = 0.09 * kMm;
constexpr double kCoarsePitch = 1.0 * kMm, kCoarseRadius = 0.18 * kMm;
constexpr double kTint[3] = {0.42, 0.62, 0.74};   // pale blue, as on printed forms

cairo_pattern_t* dotPattern(double pitch, double radius) {
  cairo_rectangle_t extents{0, 0, pitch, pitch};
  cairo_surface_t* tile = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t* t = cairo_create(tile);
  cairo_set_source_rgb(t, kTint[0], kTint[1], kTint[2]);
  cairo_arc(t, pitch / 2, pitch / 2, radius, 0, 2 * std::numbers::pi);
  cairo_fill(t);
  cairo_destroy(t);
  cairo_pattern_t* pattern = cairo_pattern_create_for_surface(tile);
  cairo_surface_destroy(tile);
  cairo_pattern_set_extend(pattern, CAIRO_EXTEND_REPEAT);
  return pattern;
}

double wholeMm(double points) { return std::ceil(points / kCoarsePitch) * kCoarsePitch; }

// One tile of the motif: two rows, the second word shifted by half a tile (drawn twice so
// that it wraps across the tile's edge). Tile sides are whole multiples of both dot
// pitches, so the dots run on seamlessly from tile to tile.
SurfacePtr motifTile(const Typesetter& ts) {
  const auto word = ts.layout("复印无效", {54, true, Align::Left, 1.0, 6});
  const auto size = Typesetter::size(word.get());
  const double width = wholeMm(size.width * 1.6), row = wholeMm(size.height * 1.6);
  cairo_rectangle_t extents{0, 0, width, 2 * row};
  SurfacePtr tile(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  ContextPtr context(cairo_create(tile.get()));
  cairo_t* cr = context.get();
  const double x = (width - size.width) / 2, y = (row - size.height) / 2;
  auto addWords = [&] {
    Typesetter::addPath(cr, word.get(), x, y);
    Typesetter::addPath(cr, word.get(), x + width / 2, row + y);
    Typesetter::addPath(cr, word.get(), x - width / 2, row + y);
  };
  PatternPtr fine(dotPattern(kFinePitch, kFineRadius));
  PatternPtr coarse(dotPattern(kCoarsePitch, kCoarseRadius));

  // Fine dots everywhere but inside the words (even-odd: the tile minus the glyphs).
  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, width, 2 * row);
  addWords();
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip(cr);
  cairo_set_source(cr, fine.get());
  cairo_paint(cr);
  cairo_restore(cr);

  // Coarse dots inside them.
  addWords();
  cairo_clip(cr);
  cairo_set_source(cr, coarse.get());
  cairo_paint(cr);
  return tile;
}

}  // namespace

PatternPtr antiCopyPattern(const Typesetter& ts, Resolution resolution) {
  if (resolution == Resolution::Preview) {
    // What the eye sees of the dots: the tint at their coverage over white.
    const double coverage = std::numbers::pi * kFineRadius * kFineRadius / (kFinePitch * kFinePitch);
    auto tone = [&](double c) { return 1 - coverage * (1 - c); };
    return PatternPtr(cairo_pattern_create_rgb(tone(kTint[0]), tone(kTint[1]), tone(kTint[2])));
  }
  SurfacePtr tile = motifTile(ts);
  PatternPtr motif(cairo_pattern_create_for_surface(tile.get()));
  cairo_pattern_set_extend(motif.get(), CAIRO_EXTEND_REPEAT);
  cairo_matrix_t m;
  cairo_matrix_init_rotate(&m, std::numbers::pi / 6);   // pattern space from user space: words at -30°
  cairo_pattern_set_matrix(motif.get(), &m);
  return motif;
}

}  // namespace onestop::documents
