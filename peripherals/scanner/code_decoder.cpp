#include "scanner/code_decoder.hpp"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "scanner/zbar_stage.hpp"
#include "scanner/zxing_adapter.hpp"

namespace onestop::peripherals::scanner {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kMaxCreditMs = 200;   // a long quiet spell does not buy a burst of work

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

}  // namespace

cv::Mat toGray(const cv::Mat& frame) {
  if (frame.empty() || frame.depth() != CV_8U) return {};
  if (frame.channels() == 1) return frame;
  cv::Mat gray;
  if (frame.channels() == 3) cv::cvtColor(frame, gray, cv::COLOR_BGR2GRAY);
  else if (frame.channels() == 4) cv::cvtColor(frame, gray, cv::COLOR_BGRA2GRAY);
  return gray;
}

CodeDecoder::CodeDecoder(DecoderOptions options) : options_(options) {}

int CodeDecoder::fallbackStages() const { return (options_.formats & kQrCode) ? 5 : 4; }

std::vector<DecodedCode> CodeDecoder::fastPass(const cv::Mat& gray) {
  return zxing::read(gray, {options_.formats, false, true, zxing::Binarizer::LocalAverage}, "fast");
}

std::vector<DecodedCode> CodeDecoder::fallback(int stage, const cv::Mat& gray) {
  const zxing::ReadOptions plain{options_.formats, false, true, zxing::Binarizer::LocalAverage};
  cv::Mat work;
  switch (stage) {
    case 0:   // uneven print or glare confuses the local threshold; a global one copes
      return zxing::read(gray, {options_.formats, false, true, zxing::Binarizer::GlobalHistogram}, "global-threshold");
    case 1:
      cv::threshold(gray, work, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
      return zxing::read(work, plain, "otsu");
    case 2:   // noise and screen moiré: a slight blur joins broken modules
      cv::GaussianBlur(gray, work, {3, 3}, 0);
      return zxing::read(work, plain, "blur");
    case 3:   // thin or round modules (dot-style codes, faint print): thicken the dark
      cv::erode(gray, work, cv::Mat());
      return zxing::read(work, plain, "erode");
    case 4: return readQrWithZbar(gray, "zbar");
    default: return {};
  }
}

std::vector<DecodedCode> CodeDecoder::decodeFrame(const cv::Mat& frame) {
  const auto t0 = Clock::now();
  const cv::Mat gray = toGray(frame);
  if (gray.empty()) return {};
  auto found = fastPass(gray);
  const double fastMs = msSince(t0);
  ++stats_.frames;
  stats_.fastMs += fastMs;
  if (!found.empty()) return found;

  credit_ = std::min(kMaxCreditMs, credit_ + options_.fallbackShare * fastMs);
  if (credit_ <= 0) return found;
  const auto t1 = Clock::now();
  const int stage = nextStage_;
  nextStage_ = (nextStage_ + 1) % fallbackStages();
  found = fallback(stage, gray);
  const double ms = msSince(t1);
  credit_ -= ms;   // may go below zero: later frames pay it back before the next stage
  ++stats_.fallbackRuns;
  stats_.fallbackMs += ms;
  return found;
}

std::vector<DecodedCode> CodeDecoder::decodeStill(const cv::Mat& image) {
  const cv::Mat gray = toGray(image);
  if (gray.empty()) return {};
  auto found = fastPass(gray);
  for (int stage = 0; found.empty() && stage < fallbackStages(); ++stage) found = fallback(stage, gray);
  return found;
}

}  // namespace onestop::peripherals::scanner
