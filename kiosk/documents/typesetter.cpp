#include "documents/typesetter.hpp"

#include <pango/pangocairo.h>

#include <cmath>

namespace onestop::documents {
namespace {

struct Family {
  const char* name;
  const char* package;
};
constexpr Family kPrimary = {"BabelStone Han", "fonts-babelstone-han"};
// Latin letters and digits come first from DejaVu Serif: BabelStone Han's are monospaced.
constexpr Family kLatin = {"DejaVu Serif", "fonts-dejavu-core"};
constexpr Family kFallbacks[] = {
    {"HanaMinB", "fonts-hanazono"},
    {"HanaMinA", "fonts-hanazono"},
};

std::string familyList() {
  std::string list = std::string(kLatin.name) + "," + kPrimary.name;
  for (const auto& f : kFallbacks) list += std::string(",") + f.name;
  return list;
}

// True when fontconfig, asked for `family`, answers with that very family.
bool installed(PangoFontMap* map, PangoContext* context, const char* family) {
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, family);
  pango_font_description_set_size(desc, 10 * PANGO_SCALE);
  PangoFont* font = pango_font_map_load_font(map, context, desc);
  pango_font_description_free(desc);
  if (!font) return false;
  PangoFontDescription* got = pango_font_describe(font);
  const char* name = pango_font_description_get_family(got);
  const bool same = name && g_ascii_strcasecmp(name, family) == 0;
  pango_font_description_free(got);
  g_object_unref(font);
  return same;
}

}  // namespace

void GObjectDeleter::operator()(void* object) const {
  if (object) g_object_unref(object);
}

core::Result<Typesetter> Typesetter::create() {
  Typesetter t;
  t.fontMap_.reset(pango_cairo_font_map_new(), GObjectDeleter{});
  PangoContext* context = pango_font_map_create_context(t.fontMap_.get());
  t.context_.reset(context, GObjectDeleter{});
  pango_cairo_context_set_resolution(context, 72.0);   // 1 point = 1 user unit
  // No hinting: the same layout on a PDF page and on a 150 or 600 dpi raster.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_language(context, pango_language_from_string("zh-cn"));

  for (const auto& required : {kPrimary, kLatin})
    if (!installed(t.fontMap_.get(), context, required.name))
      return core::Error{std::string("font \"") + required.name + "\" not found; install it with: apt-get install " +
                         required.package};
  for (const auto& f : kFallbacks)
    if (!installed(t.fontMap_.get(), context, f.name))
      t.missing_ += (t.missing_.empty() ? "" : ", ") + std::string(f.name) + " (" + f.package + ")";
  return t;
}

LayoutPtr Typesetter::layout(std::string_view text, const TextStyle& style, double width) const {
  LayoutPtr layout(pango_layout_new(context_.get()));
  static const std::string families = familyList();
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, families.c_str());
  pango_font_description_set_absolute_size(desc, style.sizePt * PANGO_SCALE);
  pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), desc);
  pango_font_description_free(desc);
  pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.lineSpacing));
  if (style.letterSpacingPt != 0) {
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(static_cast<int>(style.letterSpacingPt * PANGO_SCALE)));
    pango_layout_set_attributes(layout.get(), attrs);
    pango_attr_list_unref(attrs);
  }
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(std::lround(width * PANGO_SCALE)));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout.get(), style.align == Align::Centre  ? PANGO_ALIGN_CENTER
                                           : style.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                         : PANGO_ALIGN_LEFT);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

TextSize Typesetter::size(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
}

void Typesetter::draw(cairo_t* cr, PangoLayout* layout, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

void Typesetter::addPath(cairo_t* cr, PangoLayout* layout, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_layout_path(cr, layout);
}

int Typesetter::missingGlyphs(PangoLayout* layout) { return pango_layout_get_unknown_glyphs_count(layout); }

}  // namespace onestop::documents
