#pragma once
// Test helpers: certificate fixtures (tests/data/certificates, issued by the demo central
// server), poppler's tools run on a PDF, and QR codes read back with ZXing.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "documents/certificate.hpp"
#include "documents/certificate_renderer.hpp"

namespace onestop::documents::test {

std::filesystem::path fixturePath(const std::string& name);   ///< "benefit-retiree" → …/benefit-retiree.json
std::string readFile(const std::filesystem::path& path);
IssuedCertificate loadFixture(const std::string& name);          ///< REQUIREs that it parses

/// A fresh directory under the system temp dir, removed by the destructor.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
};

/// Runs a shell command; its stdout, or nullopt when it exits non-zero.
std::optional<std::string> run(const std::string& command);
/// pdftotext -layout of the whole file.
std::string pdfText(const std::filesystem::path& pdf);
int pdfPages(const std::filesystem::path& pdf);

/// One channel of an image, one byte per pixel: blue, in which the certificate's pale
/// blue background is nearly white and text and QR modules black.
struct GreyImage {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
};
/// Page `page` (1-based) rendered by pdftoppm at `dpi`.
GreyImage renderWithPoppler(const std::filesystem::path& pdf, int page, int dpi);
GreyImage readPpmBlue(const std::filesystem::path& ppm);
/// The blue channel of Cairo's ARGB32 raster.
GreyImage toGrey(const Raster& raster);
/// Places where the two images' darkness, averaged over a `box` × `box` window, differs
/// by more than a glyph's worth: where a glyph is missing from one of them. Rendering
/// differences (hinting, anti-aliasing, line snapping) move ink by a pixel, not away.
std::vector<std::string> inkDifferences(const GreyImage& a, const GreyImage& b, int box);
/// Every QR code ZXing finds in the image, as text.
std::vector<std::string> readQrCodes(const GreyImage& image);

}  // namespace onestop::documents::test
