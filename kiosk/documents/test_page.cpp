#include "documents/test_page.hpp"

#include <cairo-pdf.h>

#include "documents/anti_copy.hpp"
#include "documents/cairo_handles.hpp"
#include "documents/certificate_renderer.hpp"
#include "documents/qr_code.hpp"

namespace onestop::documents {
namespace {

constexpr double kMm = 72.0 / 25.4;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

core::Result<std::string> renderTestPagePdf(const Typesetter& ts) {
  std::string out;
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(append, &out, kA4Width, kA4Height));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "OneStop A4 test page");
  {
    ContextPtr context(cairo_create(surface.get()));
    cairo_t* cr = context.get();
    PatternPtr background = antiCopyPattern(ts, Resolution::Print);
    cairo_set_source(cr, background.get());
    cairo_rectangle(cr, 8 * kMm, 8 * kMm, kA4Width - 16 * kMm, kA4Height - 16 * kMm);
    cairo_fill(cr);

    // A 10 mm grid over the middle of the page: 150 mm × 100 mm when printed at 100 %.
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 0.3);
    const double gx = 30 * kMm, gy = 120 * kMm;
    for (int i = 0; i <= 15; ++i) {
      cairo_move_to(cr, gx + i * 10 * kMm, gy);
      cairo_line_to(cr, gx + i * 10 * kMm, gy + 100 * kMm);
    }
    for (int i = 0; i <= 10; ++i) {
      cairo_move_to(cr, gx, gy + i * 10 * kMm);
      cairo_line_to(cr, gx + 150 * kMm, gy + i * 10 * kMm);
    }
    cairo_stroke(cr);

    cairo_set_source_rgb(cr, 0, 0, 0);
    const double w = kA4Width - 60 * kMm;
    double y = 25 * kMm;
    for (const auto& [text, style] : {
             std::pair<const char*, TextStyle>{"A4 打印测试页", {24, true, Align::Centre}},
             {"OneStop 自助终端 · 证明打印机", {12, false, Align::Centre}},
             {"正文 11 pt：参保缴费证明 个人权益记录单 待遇领取证明 0123456789", {11}},
             {"生僻字（扩展A、B、G 区）：䶮 𠈌 𪚥 𰻞 — 须为实心字形，不得为方框", {11}},
             {"粗体：受理编号 2026112488406611", {11, true}},
             {"下方网格每格 10 mm，整体 150 mm × 100 mm；尺寸不符说明打印缩放不是 100%。", {11}}}) {
      auto layout = ts.layout(text, style, w);
      Typesetter::draw(cr, layout.get(), 30 * kMm, y);
      y += Typesetter::size(layout.get()).height + 4 * kMm;
    }
    auto qr = encodeQr("OSR1.2026112488406611");
    if (!qr) return core::Error{qr.error()};
    const double module = 0.6 * kMm, side = (qr->size + 8) * module;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, (kA4Width - side) / 2, 230 * kMm, side, side);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    drawQr(cr, qr.value(), (kA4Width - side) / 2 + 4 * module, 230 * kMm + 4 * module, module);
    cairo_show_page(cr);
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return core::Error{"test page: PDF output failed"};
  return out;
}

}  // namespace onestop::documents
