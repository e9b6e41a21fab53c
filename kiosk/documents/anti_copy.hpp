#pragma once
// A background that shows photocopying (a "void pantograph"): the page is tinted with
// fine dots, except inside the hidden words 复印无效 ("copy invalid"), which are tinted
// with coarse dots of the same average tone. On the original the words cannot be seen; a
// copier drops the fine dots and keeps the coarse ones, so the words appear on the copy.
// One tile of the motif (a word and a half, in two rows) repeats as a PDF tiling pattern,
// so the background costs a few kilobytes, once per document.
#include "documents/cairo_handles.hpp"
#include "documents/typesetter.hpp"

namespace onestop::documents {

enum class Resolution {
  Print,     ///< PDF, or rasters at printer resolution: the dots
  Preview,   ///< screen rasters: the dots' average tone (dots would alias into moiré
             ///< and show the hidden words, as a copier does)
};

/// The background as a pattern; fill each page's area with it (one pattern object for the
/// whole document, so a PDF holds it once).
PatternPtr antiCopyPattern(const Typesetter& typesetter, Resolution resolution);

}  // namespace onestop::documents
