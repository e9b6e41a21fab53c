// Golden tests on real photographs of codes (../shared/data/qr-samples): the kiosk's
// pipeline, run as on a still image, must read at least as many samples per folder as
// golden_expected.txt says, and nothing in the falsepositives folders. The expectation only
// ever goes up: when the pipeline improves, raise it (the test prints the new counts).
#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include <opencv2/imgcodecs.hpp>

#include "qr_samples.hpp"
#include "scanner/code_decoder.hpp"

using namespace onestop::peripherals::scanner;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  std::string folder, formats, bound;   // bound: "min" (codes) or "max" (false positives)
  int count = 0;
};

std::vector<Expectation> loadExpectations() {
  std::vector<Expectation> out;
  std::ifstream in(fs::path(ONESTOP_SOURCE_ROOT) / "tests/unit/peripherals/scanner/golden_expected.txt");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Expectation e;
    fields >> e.folder >> e.formats >> e.bound >> e.count;
    out.push_back(e);
  }
  return out;
}

bool matches(const std::vector<DecodedCode>& codes, const onestop::testing::QrSample& s) {
  for (const auto& c : codes)
    if ((s.binary ? c.bytes : c.text) == s.expected) return true;
  return false;
}

}  // namespace

TEST_CASE("golden samples: the pipeline reads at least the committed count in every folder") {
  const fs::path root = onestop::testing::qrSamplesRoot(ONESTOP_SOURCE_ROOT);
  REQUIRE_MESSAGE(fs::is_directory(root), "sample set missing: " << root << " (set ONESTOP_QR_SAMPLES)");
  const auto expectations = loadExpectations();
  REQUIRE(expectations.size() >= 15);
  for (const auto& e : expectations) {
    CAPTURE(e.folder);
    const Symbologies formats = parseSymbologies(e.formats);
    REQUIRE(formats != 0);
    CodeDecoder decoder({formats});
    const auto samples = onestop::testing::loadQrSamples(root / e.folder);
    REQUIRE(!samples.empty());
    int read = 0, any = 0;
    for (const auto& s : samples) {
      const cv::Mat image = cv::imread(s.image.string(), cv::IMREAD_COLOR);
      const auto codes = decoder.decodeStill(image);
      read += matches(codes, s) ? 1 : 0;
      any += codes.empty() ? 0 : 1;
    }
    if (e.bound == "min") {
      CHECK_MESSAGE(read >= e.count, e.folder << ": read " << read << " of " << samples.size() << ", expected at least "
                                              << e.count);
      if (read > e.count)
        std::cout << "golden: " << e.folder << " now reads " << read << " (expectation " << e.count
                  << "): raise it in golden_expected.txt\n";
    } else {
      CHECK_MESSAGE(any <= e.count, e.folder << ": a code was reported in " << any << " images with none");
    }
  }
}
