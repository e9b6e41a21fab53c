#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "scanner/code_decoder.hpp"
#include "scanner/file_source.hpp"
#include "scanner/zxing_adapter.hpp"

using namespace onestop::peripherals;
using namespace onestop::peripherals::scanner;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("onestop-file-source-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

cv::Mat codeFrame(const std::string& text) {
  cv::Mat frame(480, 640, CV_8UC3, cv::Scalar(200, 200, 200));
  cv::Mat code = zxing::renderQrCode(text, 6), bgr;
  cv::cvtColor(code, bgr, cv::COLOR_GRAY2BGR);
  bgr.copyTo(frame(cv::Rect((640 - bgr.cols) / 2, (480 - bgr.rows) / 2, bgr.cols, bgr.rows)));
  return frame;
}

}  // namespace

TEST_CASE("an image file is a camera that always shows it") {
  TempDir dir;
  const auto file = dir.path / "receipt.png";
  REQUIRE(cv::imwrite(file.string(), codeFrame("OSR1.2025011500000124")));
  FileSource source(file.string(), 200);
  CHECK(source.present());
  REQUIRE(source.open().ok());
  CodeDecoder decoder;
  for (int i = 0; i < 3; ++i) {
    auto frame = source.read();
    REQUIRE(frame.ok());
    const auto codes = decoder.decodeFrame(frame.value());
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].text == "OSR1.2025011500000124");
  }
}

TEST_CASE("a video file plays in a loop") {
  TempDir dir;
  const auto file = dir.path / "codes.avi";
  {
    cv::VideoWriter writer(file.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10, {640, 480});
    REQUIRE(writer.isOpened());
    for (int i = 0; i < 3; ++i) writer.write(codeFrame("OSQ1.20250115.A012"));
    for (int i = 0; i < 3; ++i) writer.write(cv::Mat(480, 640, CV_8UC3, cv::Scalar(90, 90, 90)));
  }
  FileSource source(file.string(), 500);
  REQUIRE(source.open().ok());
  CodeDecoder decoder;
  int withCode = 0;
  for (int i = 0; i < 12; ++i) {   // two rounds
    auto frame = source.read();
    REQUIRE(frame.ok());
    CHECK(frame.value().size() == cv::Size(640, 480));
    withCode += decoder.decodeStill(frame.value()).empty() ? 0 : 1;
  }
  CHECK(withCode == 6);
}

TEST_CASE("missing and unreadable files are errors, not crashes") {
  TempDir dir;
  FileSource missing((dir.path / "none.png").string());
  CHECK_FALSE(missing.present());
  CHECK(missing.open().code == CompletionCode::DeviceNotReady);
  CHECK_FALSE(missing.read().ok());
  const auto text = dir.path / "notes.png";
  std::ofstream(text) << "not an image";
  FileSource garbage(text.string());
  CHECK(garbage.open().code == CompletionCode::InvalidData);
}
