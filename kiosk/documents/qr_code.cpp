#include "documents/qr_code.hpp"

#include <cairo.h>

#include <exception>
#include <string>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace onestop::documents {

core::Result<QrModules> encodeQr(std::string_view text, QrErrorCorrection level) {
  // MultiFormatWriter's 0-8 scale: 2 → L, 4 → M, 6 → Q, 8 → H.
  const int eccLevel = 2 * (static_cast<int>(level) + 1);
  try {
    const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                            .setMargin(0)
                            .setEccLevel(eccLevel)
                            .encode(std::string(text), 0, 0);   // 0 × 0: one pixel per module
    QrModules qr;
    qr.size = matrix.width();
    if (qr.size <= 0 || matrix.height() != qr.size) return core::Error{"QR writer returned no square matrix"};
    qr.dark.resize(static_cast<std::size_t>(qr.size * qr.size));
    for (int y = 0; y < qr.size; ++y)
      for (int x = 0; x < qr.size; ++x) qr.dark[static_cast<std::size_t>(y * qr.size + x)] = matrix.get(x, y);
    return qr;
  } catch (const std::exception& e) {   // ZXing reports content that does not fit by throwing
    return core::Error{std::string("QR code: ") + e.what()};
  }
}

void drawQr(cairo_t* cr, const QrModules& qr, double x, double y, double module) {
  for (int row = 0; row < qr.size; ++row) {
    for (int col = 0; col < qr.size;) {
      if (!qr.at(col, row)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < qr.size && qr.at(end, row)) ++end;
      cairo_rectangle(cr, x + col * module, y + row * module, (end - col) * module, module);
      col = end;
    }
  }
  // Adjacent rectangles overlap by nothing; non-zero filling leaves no hairline seams.
  cairo_fill(cr);
}

}  // namespace onestop::documents
