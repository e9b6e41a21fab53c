#pragma once
// The barcode sample set in ../shared/data/qr-samples (zxing-cpp's black-box samples):
// each image beside its expected content, N.txt (text) or N.bin (bytes). Shared by the
// golden tests and the scanner benchmark.
#include <filesystem>
#include <string>
#include <vector>

namespace onestop::testing {

struct QrSample {
  std::filesystem::path image;
  std::string expected;   ///< file content
  bool binary = false;    ///< expected came from .bin: compare bytes, not text
};

/// $ONESTOP_QR_SAMPLES, else <source root>/../shared/data/qr-samples.
std::filesystem::path qrSamplesRoot(const std::filesystem::path& sourceRoot);

/// Images of one folder that have an expectation (sorted by name); for falsepositives-*
/// folders, every image with expected empty.
std::vector<QrSample> loadQrSamples(const std::filesystem::path& folder);

}  // namespace onestop::testing
