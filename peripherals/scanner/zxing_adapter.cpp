#define ZX_USE_UTF8 1   // Result::text() is UTF-8 std::string (ZXing-cpp 1.4)
#include "scanner/zxing_adapter.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <exception>
#include <opencv2/imgproc.hpp>

namespace onestop::peripherals::scanner::zxing {
namespace {

ZXing::BarcodeFormats toZxing(Symbologies s) {
  ZXing::BarcodeFormats f;
  if (s & kQrCode) f |= ZXing::BarcodeFormat::QRCode;
  if (s & kPdf417) f |= ZXing::BarcodeFormat::PDF417;
  if (s & kDataMatrix) f |= ZXing::BarcodeFormat::DataMatrix;
  return f;
}

}  // namespace

std::vector<DecodedCode> read(const cv::Mat& gray, const ReadOptions& options, const char* stage) {
  std::vector<DecodedCode> out;
  if (gray.empty() || gray.type() != CV_8UC1 || options.formats == 0) return out;
  const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, static_cast<int>(gray.step));
  ZXing::DecodeHints hints;
  hints.setFormats(toZxing(options.formats))
      .setTryHarder(options.tryHarder)
      .setTryRotate(false)   // 2D symbols are found at any angle; rotation is for 1D codes
      .setTryDownscale(options.tryDownscale)
      .setBinarizer(options.binarizer == Binarizer::GlobalHistogram ? ZXing::Binarizer::GlobalHistogram
                                                                    : ZXing::Binarizer::LocalAverage);
  for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints)) {
    if (!r.isValid()) continue;
    const auto& raw = r.bytes();
    out.push_back({ZXing::ToString(r.format()), r.text(), std::string(raw.begin(), raw.end()), stage});
  }
  return out;
}

cv::Mat renderQrCode(const std::string& text, int modulePixels) {
  try {
    // Size 0: the writer's natural size, one pixel per module, with a 4-module margin.
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                   .setMargin(4)
                                   .setEccLevel(4)
                                   .setEncoding(ZXing::CharacterSet::UTF8)
                                   .encode(text, 0, 0);
    cv::Mat modules(m.height(), m.width(), CV_8UC1);
    for (int y = 0; y < m.height(); ++y)
      for (int x = 0; x < m.width(); ++x) modules.at<unsigned char>(y, x) = m.get(x, y) ? 0 : 255;
    cv::Mat out;
    cv::resize(modules, out, {}, modulePixels, modulePixels, cv::INTER_NEAREST);
    return out;
  } catch (const std::exception&) {
    return {};   // too long for a QR code
  }
}

}  // namespace onestop::peripherals::scanner::zxing
