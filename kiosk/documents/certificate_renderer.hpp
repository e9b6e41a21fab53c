#pragma once
// A4 certificates: the issued certificate (certificate.hpp) laid out on pages with the
// agency header, serial, issue date, page x/y, the holder (ID number masked), the body of
// its type, the seal as a vector QR code with the verification URL and code, and a
// background that shows photocopying. Output: a PDF for the printer, or one page as a
// raster (PNG file, kiosk preview).
//
//   auto renderer = CertificateRenderer::create().value();   // finds the fonts once
//   auto pdf = renderer.pdf(parseIssuedCertificate(body).value());
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "documents/certificate.hpp"
#include "documents/document_options.hpp"
#include "documents/typesetter.hpp"

namespace onestop::documents {

/// One page as pixels: Cairo's ARGB32 (B, G, R, A bytes on little-endian), opaque.
struct Raster {
  int width = 0, height = 0, stride = 0;
  std::vector<std::uint8_t> pixels;
};
/// The bytes of a PNG file of `raster`.
core::Result<std::string> encodePng(const Raster& raster);

class CertificateRenderer {
 public:
  /// Fails (naming the package) when the fonts are missing.
  static core::Result<CertificateRenderer> create(DocumentOptions options = {});

  /// The whole certificate as the bytes of a PDF file.
  core::Result<std::string> pdf(const IssuedCertificate& certificate) const;
  /// Page `index` (0-based) at `dpi`, as pixels or as the bytes of a PNG file. Below
  /// 300 dpi the background is drawn as its average tone (a preview, not a print).
  core::Result<Raster> raster(const IssuedCertificate& certificate, int index, double dpi) const;
  core::Result<std::string> png(const IssuedCertificate& certificate, int index, double dpi) const;
  int pageCount(const IssuedCertificate& certificate) const;

  const Typesetter& typesetter() const { return typesetter_; }
  const DocumentOptions& options() const { return options_; }

 private:
  CertificateRenderer(Typesetter typesetter, DocumentOptions options)
      : typesetter_(std::move(typesetter)), options_(std::move(options)) {}
  struct Laid;
  core::Result<Laid> layOut(const IssuedCertificate& certificate, double dpi) const;
  void drawPage(cairo_t* cr, const IssuedCertificate& certificate, const Laid& laid, int index) const;

  Typesetter typesetter_;
  DocumentOptions options_;
};

/// A4 in points.
inline constexpr double kA4Width = 595.2756;
inline constexpr double kA4Height = 841.8898;

}  // namespace onestop::documents
