#pragma once
// zbar (libzbar) as the pipeline's last fallback for QR codes: it reads some strongly
// tilted or curved codes that ZXing-cpp 1.4 misses. Its own file because zbar's C++ header
// and ZXing's cannot share a translation unit (ZXing defines macros zbar uses as names).
#include <vector>

#include <opencv2/core.hpp>

#include "scanner/decoded_code.hpp"

namespace onestop::peripherals::scanner {

/// QR codes zbar finds in an 8-bit single-channel image.
std::vector<DecodedCode> readQrWithZbar(const cv::Mat& gray, const char* stage);

}  // namespace onestop::peripherals::scanner
