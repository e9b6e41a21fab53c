#include "document_checks.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace onestop::documents::test {

namespace fs = std::filesystem;

fs::path fixturePath(const std::string& name) {
  return fs::path(ONESTOP_SOURCE_ROOT) / "tests/data/certificates" / (name + ".json");
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

IssuedCertificate loadFixture(const std::string& name) {
  auto c = parseIssuedCertificate(readFile(fixturePath(name)));
  REQUIRE_MESSAGE(c.ok(), name << ": " << c.error());
  return c.value();
}

TempDir::TempDir() {
  std::string templ = (fs::temp_directory_path() / "onestop-docs-XXXXXX").string();
  REQUIRE(::mkdtemp(templ.data()) != nullptr);
  path = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

std::optional<std::string> run(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string out;
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  if (status != 0) return std::nullopt;
  return out;
}

std::string pdfText(const fs::path& pdf) {
  auto text = run("pdftotext -layout -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null");
  REQUIRE_MESSAGE(text.has_value(), "pdftotext failed on " << pdf);
  return *text;
}

int pdfPages(const fs::path& pdf) {
  auto info = run("pdfinfo '" + pdf.string() + "' 2>/dev/null");
  REQUIRE_MESSAGE(info.has_value(), "pdfinfo failed on " << pdf);
  const auto at = info->find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(info->substr(at + 6));
}

GreyImage readPpmBlue(const fs::path& ppm) {
  const std::string data = readFile(ppm);
  std::istringstream in(data);
  std::string magic;
  int w = 0, h = 0, maxval = 0;
  in >> magic >> w >> h >> maxval;
  REQUIRE(magic == "P6");
  REQUIRE(maxval == 255);
  in.get();   // the single whitespace before the pixels
  std::string rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3, '\0');
  in.read(rgb.data(), static_cast<std::streamsize>(rgb.size()));
  REQUIRE(in.gcount() == static_cast<std::streamsize>(rgb.size()));
  GreyImage img{w, h, {}};
  img.pixels.reserve(rgb.size() / 3);
  for (std::size_t i = 2; i < rgb.size(); i += 3) img.pixels.push_back(static_cast<unsigned char>(rgb[i]));
  return img;
}

GreyImage renderWithPoppler(const fs::path& pdf, int page, int dpi) {
  const auto prefix = pdf.parent_path() / (pdf.stem().string() + "-p" + std::to_string(page));
  const auto p = std::to_string(page);
  REQUIRE_MESSAGE(run("pdftoppm -singlefile -r " + std::to_string(dpi) + " -f " + p + " -l " + p + " '" +
                      pdf.string() + "' '" + prefix.string() + "' 2>/dev/null"),
                  "pdftoppm failed on " << pdf);
  return readPpmBlue(prefix.string() + ".ppm");
}

GreyImage toGrey(const Raster& raster) {
  GreyImage img{raster.width, raster.height, {}};
  img.pixels.reserve(static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height));
  for (int y = 0; y < raster.height; ++y) {
    const auto* row = raster.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(raster.stride);
    for (int x = 0; x < raster.width; ++x) {
      const auto* p = row + 4 * x;   // B, G, R, A
      img.pixels.push_back(p[0]);
    }
  }
  return img;
}

std::vector<std::string> inkDifferences(const GreyImage& a, const GreyImage& b, int box) {
  const int w = std::min(a.width, b.width), h = std::min(a.height, b.height);
  // Integral images of darkness; the background's pale blue stays above 180 in the blue channel.
  auto integral = [&](const GreyImage& img) {
    std::vector<long> sum(static_cast<std::size_t>((w + 1) * (h + 1)), 0);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const long dark = std::max(0, 180 - img.pixels[static_cast<std::size_t>(y * img.width + x)]);
        sum[static_cast<std::size_t>((y + 1) * (w + 1) + x + 1)] = dark + sum[static_cast<std::size_t>(y * (w + 1) + x + 1)] +
                                                                  sum[static_cast<std::size_t>((y + 1) * (w + 1) + x)] -
                                                                  sum[static_cast<std::size_t>(y * (w + 1) + x)];
      }
    return sum;
  };
  const auto ia = integral(a), ib = integral(b);
  auto mean = [&](const std::vector<long>& s, int x, int y) {
    const auto at = [&](int xx, int yy) { return s[static_cast<std::size_t>(yy * (w + 1) + xx)]; };
    return (at(x + box, y + box) - at(x, y + box) - at(x + box, y) + at(x, y)) / (box * box);
  };
  std::vector<std::string> out;
  for (int y = 0; y + box <= h; y += 2)
    for (int x = 0; x + box <= w; x += 2) {
      const long da = mean(ia, x, y), db = mean(ib, x, y);
      // A glyph of body text fills the box at about a quarter of full darkness (45);
      // the same line drawn half a pixel apart moves at most a fifth of that.
      if (std::abs(da - db) > 25 && out.size() < 20)
        out.push_back("around " + std::to_string(x + box / 2) + "," + std::to_string(y + box / 2) + ": " +
                      std::to_string(da) + " vs " + std::to_string(db));
    }
  return out;
}

std::vector<std::string> readQrCodes(const GreyImage& image) {
  ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(true);
  std::vector<std::string> out;
  for (const auto& r : ZXing::ReadBarcodes(view, hints))
    if (r.isValid()) out.push_back(r.text());
  return out;
}

}  // namespace onestop::documents::test
