#pragma once
// QR codes drawn as vectors: ZXing-cpp's writer gives the modules, Cairo fills them as
// rectangles (one per horizontal run), so the code stays sharp on paper at any resolution.
#include <string_view>
#include <vector>

#include "core/result.hpp"

typedef struct _cairo cairo_t;

namespace onestop::documents {

/// The modules of a QR code, without quiet zone; true = dark.
struct QrModules {
  int size = 0;
  std::vector<bool> dark;   ///< row-major, size × size
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

enum class QrErrorCorrection { Low, Medium, Quartile, High };

/// Encodes `text` (byte mode for the seal's ASCII). Error when it does not fit.
core::Result<QrModules> encodeQr(std::string_view text, QrErrorCorrection level = QrErrorCorrection::Medium);

/// Fills the dark modules with the current source, top-left at (x, y), `module` units per
/// module. The caller leaves the 4-module quiet zone around it light.
void drawQr(cairo_t* cr, const QrModules& qr, double x, double y, double module);

}  // namespace onestop::documents
