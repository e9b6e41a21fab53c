#pragma once
// The one place where OpenCV images meet ZXing-cpp 1.4: views on cv::Mat buffers (no
// copy), results back as plain DecodedCode, and ZXing's QR writer as a cv::Mat. ZXing does
// not throw across its API; the writer does, and is caught here.
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "scanner/decoded_code.hpp"

namespace onestop::peripherals::scanner::zxing {

enum class Binarizer { LocalAverage, GlobalHistogram };

struct ReadOptions {
  Symbologies formats = kQrCode;
  bool tryHarder = false;      ///< more scan lines: slower, rarely better on camera frames
  bool tryDownscale = true;    ///< also look at downscaled copies of large frames
  Binarizer binarizer = Binarizer::LocalAverage;
};

/// Decodes every valid symbol in an 8-bit single-channel image (continuous or not).
std::vector<DecodedCode> read(const cv::Mat& gray, const ReadOptions& options, const char* stage);

/// A QR code of `text` (UTF-8, byte mode, ECC level M) as an 8-bit image: black modules on
/// white with a 4-module quiet zone, `modulePixels` per module. Empty when the text does not
/// fit in a QR code.
cv::Mat renderQrCode(const std::string& text, int modulePixels);

}  // namespace onestop::peripherals::scanner::zxing
