#include "documents/certificate_renderer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "core/code_payload.hpp"
#include "documents/anti_copy.hpp"
#include "documents/cairo_handles.hpp"
#include "documents/certificate_content.hpp"
#include "documents/paged_body.hpp"
#include "documents/qr_code.hpp"
#include "documents/wording.hpp"

namespace onestop::documents {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kMarginX = 20 * kMm;
constexpr double kTop = 16 * kMm;
constexpr double kBottom = 12 * kMm;
constexpr double kHeaderHeight = 86;                 // agency, title, serial and date, rule
constexpr double kFooterHeight = 47 * kMm;           // seal QR and verification text
constexpr double kQrModule = 0.6 * kMm;              // docs/seal.md: 0.5 mm or larger
constexpr double kQrMinModule = 0.5 * kMm;
constexpr double kQrMaxSide = 43 * kMm;              // the footer's height less its top gap
constexpr int kQuietModules = 4;
constexpr double kContentWidth = kA4Width - 2 * kMarginX;
constexpr double kBodyTop = kTop + kHeaderHeight;
constexpr double kFooterTop = kA4Height - kBottom - kFooterHeight;
constexpr double kBodyHeight = kFooterTop - 10 - kBodyTop;

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void rule(cairo_t* cr, double y, double width) {
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, kMarginX, y);
  cairo_line_to(cr, kA4Width - kMarginX, y);
  cairo_stroke(cr);
}

constexpr double kBackgroundInset = 8 * kMm;
constexpr double kPrintDpi = 300;   // from here on a raster shows the background's dots

std::string_view trimmedUrl(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return url;
}

// 0.6 mm modules, smaller (not under 0.5 mm) when a long verification URL needs a bigger code.
double qrModuleFor(int modules) {
  return std::clamp(kQrMaxSide / (modules + 2 * kQuietModules), kQrMinModule, kQrModule);
}

}  // namespace

struct CertificateRenderer::Laid {
  QrModules qr;
  PagedBody body;
  PatternPtr background;   // one pattern for every page: a PDF holds it once
};

core::Result<CertificateRenderer> CertificateRenderer::create(DocumentOptions options) {
  if (!core::isUsableVerifyUrl(options.verifyUrl))
    return core::Error{"documents: verify URL must be https://host[:port][/path], at most 64 characters, "
                       "without query or fragment"};
  auto ts = Typesetter::create();
  if (!ts) return core::Error{ts.error()};
  return CertificateRenderer(std::move(ts.value()), std::move(options));
}

core::Result<CertificateRenderer::Laid> CertificateRenderer::layOut(const IssuedCertificate& c, double dpi) const {
  // The link opens the public verification page on a phone; a kiosk reads the seal back.
  auto qr = encodeQr(core::certificateLink(options_.verifyUrl, c.seal), QrErrorCorrection::Medium);
  if (!qr) return core::Error{"certificate " + c.serial + ": " + qr.error()};
  return Laid{std::move(qr.value()),
              PagedBody::paginate(typesetter_, certificateBody(c, options_), kContentWidth, kBodyHeight),
              antiCopyPattern(typesetter_, dpi >= kPrintDpi ? Resolution::Print : Resolution::Preview)};
}

int CertificateRenderer::pageCount(const IssuedCertificate& c) const {
  auto laid = layOut(c, kPrintDpi);
  return laid ? laid->body.pageCount() : 0;
}

void CertificateRenderer::drawPage(cairo_t* cr, const IssuedCertificate& c, const Laid& laid, int index) const {
  const auto& ts = typesetter_;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source(cr, laid.background.get());
  cairo_rectangle(cr, kBackgroundInset, kBackgroundInset, kA4Width - 2 * kBackgroundInset, kA4Height - 2 * kBackgroundInset);
  cairo_fill(cr);

  // Header: agency, title, serial and issue date.
  cairo_set_source_rgb(cr, 0, 0, 0);
  auto agency = ts.layout(options_.agencyName, {12, true, Align::Centre}, kContentWidth);
  Typesetter::draw(cr, agency.get(), kMarginX, kTop);
  auto title = ts.layout(certificateTitle(c.type), {22, true, Align::Centre, 1.0, 6}, kContentWidth);
  Typesetter::draw(cr, title.get(), kMarginX, kTop + 22);
  const TextStyle meta{9.5};
  auto serial = ts.layout("编号：" + c.serial, meta, kContentWidth);
  Typesetter::draw(cr, serial.get(), kMarginX, kTop + 62);
  auto issued = ts.layout("出具日期：" + chineseDate(localDay(c.issuedAt, options_.utcOffsetMinutes)),
                          {9.5, false, Align::Right}, kContentWidth);
  Typesetter::draw(cr, issued.get(), kMarginX, kTop + 62);
  rule(cr, kTop + 80, 1.2);

  laid.body.drawPage(cr, index, kMarginX, kBodyTop);

  // Footer: the seal and how to check it, on every page.
  rule(cr, kFooterTop, 0.6);
  const double module = qrModuleFor(laid.qr.size);
  const double qrSide = (laid.qr.size + 2 * kQuietModules) * module;
  const double qrX = kMarginX, qrY = kFooterTop + 4 * kMm;
  cairo_set_source_rgb(cr, 1, 1, 1);   // the quiet zone must be light, not patterned
  cairo_rectangle(cr, qrX, qrY, qrSide, qrSide);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  drawQr(cr, laid.qr, qrX + kQuietModules * module, qrY + kQuietModules * module, module);

  const double textX = qrX + qrSide + 5 * kMm, textWidth = kA4Width - kMarginX - textX;
  const TextStyle small{9.5, false, Align::Left, 1.35};
  const auto validUntil = chineseDate(localDay(c.validUntil, options_.utcOffsetMinutes));
  auto how = ts.layout(fmt::format("防伪验真：用手机扫描左侧二维码，或访问\n{}/verify\n输入下方验证码。"
                                   "二维码由经办机构数字签名，涂改、复印均无法通过验证。",
                                   trimmedUrl(options_.verifyUrl)),
                       small, textWidth);
  double y = qrY;
  Typesetter::draw(cr, how.get(), textX, y);
  y += Typesetter::size(how.get()).height + 3;
  auto code = ts.layout("验证码：" + c.verificationCodePrinted, {13, true}, textWidth);
  Typesetter::draw(cr, code.get(), textX, y);
  y += Typesetter::size(code.get()).height + 2;
  auto valid = ts.layout(fmt::format("有效期至：{}　　受理编号：{}", validUntil, c.acceptanceNumber), small, textWidth);
  Typesetter::draw(cr, valid.get(), textX, y);

  auto page = ts.layout(fmt::format("第{}页/共{}页", index + 1, laid.body.pageCount()),
                        {9, false, Align::Centre}, kContentWidth);
  Typesetter::draw(cr, page.get(), kMarginX, kA4Height - kBottom - 8);
}

core::Result<std::string> CertificateRenderer::pdf(const IssuedCertificate& c) const {
  auto laid = layOut(c, kPrintDpi);
  if (!laid) return core::Error{laid.error()};
  std::string out;
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(appendToString, &out, kA4Width, kA4Height));
  const std::string title = fmt::format("{} {}", certificateTitle(c.type), c.serial);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "OneStop kiosk");
  {
    ContextPtr cr(cairo_create(surface.get()));
    for (int i = 0; i < laid->body.pageCount(); ++i) {
      drawPage(cr.get(), c, laid.value(), i);
      cairo_show_page(cr.get());
    }
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      return core::Error{std::string("PDF drawing failed: ") + cairo_status_to_string(cairo_status(cr.get()))};
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return core::Error{std::string("PDF output failed: ") + cairo_status_to_string(cairo_surface_status(surface.get()))};
  return out;
}

core::Result<Raster> CertificateRenderer::raster(const IssuedCertificate& c, int index, double dpi) const {
  if (dpi < 10 || dpi > 1200) return core::Error{"raster: dpi must be from 10 to 1200"};
  auto laid = layOut(c, dpi);
  if (!laid) return core::Error{laid.error()};
  if (index < 0 || index >= laid->body.pageCount())
    return core::Error{fmt::format("raster: no page {} (the certificate has {})", index + 1, laid->body.pageCount())};
  const double scale = dpi / 72.0;
  const int w = static_cast<int>(std::lround(kA4Width * scale)), h = static_cast<int>(std::lround(kA4Height * scale));
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return core::Error{"raster: out of memory"};
  {
    ContextPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    drawPage(cr.get(), c, laid.value(), index);
  }
  cairo_surface_flush(surface.get());
  Raster r{w, h, cairo_image_surface_get_stride(surface.get()), {}};
  const auto* data = cairo_image_surface_get_data(surface.get());
  r.pixels.assign(data, data + static_cast<std::size_t>(r.stride) * static_cast<std::size_t>(h));
  return r;
}

core::Result<std::string> CertificateRenderer::png(const IssuedCertificate& c, int index, double dpi) const {
  auto r = raster(c, index, dpi);
  if (!r) return core::Error{r.error()};
  return encodePng(r.value());
}

core::Result<std::string> encodePng(const Raster& raster) {
  SurfacePtr surface(cairo_image_surface_create_for_data(const_cast<unsigned char*>(raster.pixels.data()),
                                                         CAIRO_FORMAT_ARGB32, raster.width, raster.height, raster.stride));
  std::string out;
  if (cairo_surface_write_to_png_stream(surface.get(), appendToString, &out) != CAIRO_STATUS_SUCCESS)
    return core::Error{"PNG encoding failed"};
  return out;
}

}  // namespace onestop::documents
