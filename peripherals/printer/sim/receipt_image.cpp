#include "printer/sim/receipt_image.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <exception>
#include <memory>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include "core/utf8.hpp"

namespace onestop::peripherals::printer::sim {
namespace {

constexpr int kMargin = 32;                      // (640 - 576) / 2: 80 mm paper
constexpr int kPaperWidth = escpos::kDotsPerLine + 2 * kMargin;
constexpr int kCell = 12;                        // dots per half-width column
constexpr int kGlyph = 24;                       // font height in dots
constexpr int kLinePitch = 30;                   // ESC 2 default line spacing
constexpr int kTopFeed = 24, kBottomFeed = 48;
// The resident printer font is a Song or Hei bitmap; the screen's faces stand in for it.
constexpr const char* kFamilies = "Noto Sans CJK SC,BabelStone Han,HanaMinB,HanaMinA";

struct Deleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};

struct Cell {
  std::string text;   // one character
  int columns = 1;    // at size 1
  const TextRun* run = nullptr;
};

// A printed line as printer rows: characters that run past the right margin wrap.
std::vector<std::vector<Cell>> wrapLine(const PrintedLine& line) {
  std::vector<std::vector<Cell>> rows(1);
  int used = 0;
  for (const auto& run : line.runs) {
    for (char32_t cp : core::decodeUtf8(run.text)) {
      Cell cell;
      core::appendUtf8(cell.text, cp);
      cell.columns = escpos::displayColumns(cp);
      cell.run = &run;
      const int dots = cell.columns * kCell * run.width;
      if (used + dots > escpos::kDotsPerLine && used > 0) {
        rows.emplace_back();
        used = 0;
      }
      used += dots;
      rows.back().push_back(std::move(cell));
    }
  }
  return rows;
}

int rowHeight(const std::vector<Cell>& row, int lineHeight) {
  int h = lineHeight;
  for (const auto& c : row) h = std::max(h, c.run->height);
  return kLinePitch + kGlyph * (h - 1);
}

int rowWidth(const std::vector<Cell>& row) {
  int w = 0;
  for (const auto& c : row) w += c.columns * kCell * c.run->width;
  return w;
}

int alignedX(escpos::Alignment a, int width) {
  switch (a) {
    case escpos::Alignment::Left: return kMargin;
    case escpos::Alignment::Centre: return kMargin + (escpos::kDotsPerLine - width) / 2;
    case escpos::Alignment::Right: return kMargin + escpos::kDotsPerLine - width;
  }
  return kMargin;
}

struct QrImage {
  int size = 0;
  std::vector<bool> dark;
};

QrImage encodeQr(const PrintedQr& qr) {
  static constexpr int kEccLevels[] = {2, 4, 6, 8};   // MultiFormatWriter's scale: L, M, Q, H
  try {
    const auto m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                       .setMargin(0)
                       .setEccLevel(kEccLevels[static_cast<int>(qr.ecc) - 0x30])
                       .encode(qr.data, 0, 0);
    QrImage out{m.width(), {}};
    for (int y = 0; y < m.height(); ++y)
      for (int x = 0; x < m.width(); ++x) out.dark.push_back(m.get(x, y));
    return out;
  } catch (const std::exception&) {   // a printer prints nothing for data it cannot encode
    return {};
  }
}

// Heights of everything, to size the image before drawing.
int measure(const PrintedReceipt& r) {
  int h = kTopFeed + kBottomFeed;
  for (const auto& e : r.elements) {
    if (const auto* l = std::get_if<PrintedLine>(&e)) {
      for (const auto& row : wrapLine(*l)) h += rowHeight(row, l->height);
    } else {
      const auto& qr = std::get<PrintedQr>(e);
      h += encodeQr(qr).size * qr.moduleSize + kLinePitch;
    }
  }
  return h;
}

}  // namespace

core::Result<std::string> renderReceiptPng(const PrintedReceipt& receipt) {
  const int height = std::min(measure(receipt), 20000);
  std::unique_ptr<cairo_surface_t, Deleter> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, kPaperWidth, height));
  std::unique_ptr<cairo_t, Deleter> context(cairo_create(surface.get()));
  cairo_t* cr = context.get();
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);

  std::unique_ptr<PangoLayout, Deleter> layout(pango_cairo_create_layout(cr));
  PangoFontDescription* regular = pango_font_description_from_string(kFamilies);
  pango_font_description_set_absolute_size(regular, kGlyph * 0.92 * PANGO_SCALE);
  PangoFontDescription* bold = pango_font_description_copy(regular);
  pango_font_description_set_weight(bold, PANGO_WEIGHT_BOLD);

  int y = kTopFeed;
  cairo_set_source_rgb(cr, 0.08, 0.08, 0.08);   // thermal black
  for (const auto& e : receipt.elements) {
    if (const auto* line = std::get_if<PrintedLine>(&e)) {
      for (const auto& row : wrapLine(*line)) {
        const int h = rowHeight(row, line->height);
        int x = alignedX(line->alignment, rowWidth(row));
        for (const auto& cell : row) {
          const int w = cell.columns * kCell * cell.run->width;
          pango_layout_set_font_description(layout.get(), cell.run->bold ? bold : regular);
          pango_layout_set_text(layout.get(), cell.text.c_str(), -1);
          int lw = 0, lh = 0;
          pango_layout_get_pixel_size(layout.get(), &lw, &lh);
          cairo_save(cr);
          // Cells of a row share its bottom; double sizes stretch the cell.
          const double top = y + (h - kLinePitch) - kGlyph * (cell.run->height - 1) + (kLinePitch - kGlyph) / 2.0;
          cairo_translate(cr, x, top);
          cairo_scale(cr, cell.run->width, cell.run->height);
          const double cellW = static_cast<double>(cell.columns * kCell);
          if (lw > cellW) cairo_scale(cr, cellW / lw, 1);   // the printer's font is monospaced
          cairo_move_to(cr, std::max(0.0, (cellW - lw) / 2), (kGlyph - lh) / 2.0);
          pango_cairo_show_layout(cr, layout.get());
          cairo_restore(cr);
          x += w;
        }
        y += h;
      }
    } else {
      const auto& qr = std::get<PrintedQr>(e);
      const auto modules = encodeQr(qr);
      const int side = modules.size * qr.moduleSize;
      const int x0 = alignedX(qr.alignment, side);
      for (int my = 0; my < modules.size; ++my)
        for (int mx = 0; mx < modules.size; ++mx)
          if (modules.dark[static_cast<std::size_t>(my * modules.size + mx)])
            cairo_rectangle(cr, x0 + mx * qr.moduleSize, y + my * qr.moduleSize, qr.moduleSize, qr.moduleSize);
      cairo_fill(cr);
      y += side + kLinePitch;
    }
  }
  pango_font_description_free(regular);
  pango_font_description_free(bold);

  if (receipt.cut) {   // where the cutter went through
    const double dash[] = {8, 6};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 1);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_move_to(cr, 0, height - 0.5);
    cairo_line_to(cr, kPaperWidth, height - 0.5);
    cairo_stroke(cr);
  }
  std::string png;
  const auto append = [](void* out, const unsigned char* data, unsigned int n) {
    static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), n);
    return CAIRO_STATUS_SUCCESS;
  };
  if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS)
    return core::Error{"receipt image: PNG encoding failed"};
  return png;
}

}  // namespace onestop::peripherals::printer::sim
