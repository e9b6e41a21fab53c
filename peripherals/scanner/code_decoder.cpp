#include "scanner/code_decoder.hpp"

#include <time.h>

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "scanner/zbar_stage.hpp"
#include "scanner/zxing_adapter.hpp"

namespace onestop::peripherals::scanner {
namespace {

constexpr double kMaxCreditMs = 200;   // a long quiet spell does not buy a burst of work

// This thread's CPU time: the budget is about the share of a core the decoder uses, and
// wall time would also count other processes' turns on a busy machine.
double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

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

int CodeDecoder::fallbackStages() const { return (options_.formats & kQrCode) ? 6 : 5; }

// Full resolution only: ZXing's downscaled retries cost a third more on every frame with
// no code, and a code close enough to need them is met by the first fallback stage.
std::vector<DecodedCode> CodeDecoder::fastPass(const cv::Mat& gray) {
  return zxing::read(gray, {options_.formats, false, false, zxing::Binarizer::LocalAverage}, "fast");
}

std::vector<DecodedCode> CodeDecoder::fallback(int stage, const cv::Mat& gray) {
  const zxing::ReadOptions plain{options_.formats, false, true, zxing::Binarizer::LocalAverage};
  cv::Mat work;
  switch (stage) {
    case 0:   // large or blurred codes: ZXing's downscaled copies of the frame
      return zxing::read(gray, plain, "downscaled");
    case 1:   // uneven print or glare confuses the local threshold; a global one copes
      return zxing::read(gray, {options_.formats, false, true, zxing::Binarizer::GlobalHistogram}, "global-threshold");
    case 2:
      cv::threshold(gray, work, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
      return zxing::read(work, plain, "otsu");
    case 3:   // noise and screen moiré: a slight blur joins broken modules
      cv::GaussianBlur(gray, work, {3, 3}, 0);
      return zxing::read(work, plain, "blur");
    case 4:   // thin or round modules (dot-style codes, faint print): thicken the dark
      cv::erode(gray, work, cv::Mat());
      return zxing::read(work, plain, "erode");
    case 5: return readQrWithZbar(gray, "zbar");
    default: return {};
  }
}

std::vector<DecodedCode> CodeDecoder::decodeFrame(const cv::Mat& frame) {
  const double t0 = threadCpuMs();
  const cv::Mat gray = toGray(frame);
  if (gray.empty()) return {};
  auto found = fastPass(gray);
  const double fastMs = threadCpuMs() - t0;
  ++stats_.frames;
  stats_.fastMs += fastMs;
  if (!found.empty()) return found;

  credit_ = std::min(kMaxCreditMs, credit_ + options_.fallbackShare * fastMs);
  if (credit_ <= 0) return found;
  const double t1 = threadCpuMs();
  const int stage = nextStage_;
  nextStage_ = (nextStage_ + 1) % fallbackStages();
  found = fallback(stage, gray);
  const double ms = threadCpuMs() - t1;
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
