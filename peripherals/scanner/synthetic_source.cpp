#include "scanner/synthetic_source.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>

#include "scanner/zxing_adapter.hpp"

namespace onestop::peripherals::scanner {
namespace {

// A code held up at a comfortable distance fills about half the frame's height.
cv::Mat fitInto(const cv::Mat& image, int maxSide) {
  if (image.empty()) return {};
  cv::Mat bgr;
  if (image.channels() == 1) cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
  else if (image.channels() == 4) cv::cvtColor(image, bgr, cv::COLOR_BGRA2BGR);
  else bgr = image;
  const double scale = std::min(1.0, static_cast<double>(maxSide) / std::max(bgr.cols, bgr.rows));
  if (scale >= 1.0) return bgr.clone();
  cv::Mat out;
  cv::resize(bgr, out, {}, scale, scale, cv::INTER_AREA);
  return out;
}

}  // namespace

SyntheticSource::SyntheticSource(SyntheticConfig config) : config_(config) {}

Completion SyntheticSource::open() {
  if (!plugged_) return {CompletionCode::DeviceNotReady, -1, "synthetic camera unplugged"};
  open_ = true;
  next_ = std::chrono::steady_clock::now();
  return Completion::success();
}

void SyntheticSource::close() { open_ = false; }

bool SyntheticSource::showText(const std::string& text) {
  const cv::Mat code = zxing::renderQrCode(text, 1);
  if (code.empty()) return false;
  // Whole pixels per module, the code about 40 % of the frame's height.
  const int module = std::max(2, config_.height * 2 / 5 / code.rows);
  cv::Mat scaled;
  cv::resize(code, scaled, {}, module, module, cv::INTER_NEAREST);
  showMat(scaled);
  return true;
}

bool SyntheticSource::showImage(const std::string& path) {
  const cv::Mat image = cv::imread(path, cv::IMREAD_COLOR);
  if (image.empty()) return false;
  showMat(image);
  return true;
}

void SyntheticSource::showMat(const cv::Mat& image) {
  cv::Mat fitted = fitInto(image, config_.height * 9 / 10);
  std::lock_guard lock(mutex_);
  shown_ = std::move(fitted);
}

void SyntheticSource::clear() {
  std::lock_guard lock(mutex_);
  shown_.release();
}

cv::Mat SyntheticSource::compose() {
  cv::Mat frame(config_.height, config_.width, CV_8UC3);
  switch (fault_.load()) {
    case Fault::Garbage: cv::randu(frame, 0, 256); return frame;
    case Fault::Dark: frame.setTo(cv::Scalar(6, 6, 6)); return frame;
    case Fault::Frozen: return {};
    case Fault::None: break;
  }
  frame.setTo(cv::Scalar(150, 146, 140));   // a grey hall, slightly warm
  {
    std::lock_guard lock(mutex_);
    if (!shown_.empty()) {
      // A hand is never quite still: a few pixels of drift from frame to frame.
      std::uniform_int_distribution<int> jitter(-4, 4);
      const int x = (config_.width - shown_.cols) / 2 + jitter(rng_);
      const int y = (config_.height - shown_.rows) / 2 + jitter(rng_);
      const cv::Rect at(std::clamp(x, 0, config_.width - shown_.cols), std::clamp(y, 0, config_.height - shown_.rows),
                        shown_.cols, shown_.rows);
      shown_.copyTo(frame(at));
    }
  }
  // Sensor noise: a few patterns made once and taken in turn (fresh Gaussian noise for
  // every 720p frame would cost more than decoding it).
  if (noise_.empty()) {
    for (int i = 0; i < 4; ++i) {
      cv::Mat n(frame.size(), CV_16SC3);
      cv::randn(n, 0, 4);
      noise_.push_back(std::move(n));
    }
  }
  cv::add(frame, noise_[static_cast<std::size_t>(frames_.load()) % noise_.size()], frame, cv::noArray(), CV_8UC3);
  return frame;
}

Expected<cv::Mat> SyntheticSource::read() {
  if (!plugged_) return Completion{CompletionCode::HardwareError, -1, "synthetic camera unplugged"};
  if (!open_) return Completion{CompletionCode::DeviceNotReady, -1, "synthetic camera not open"};
  std::this_thread::sleep_until(next_);
  next_ = std::max(next_ + std::chrono::microseconds(static_cast<long>(1e6 / config_.fps)), std::chrono::steady_clock::now());
  cv::Mat frame = compose();
  if (!frame.empty()) ++frames_;
  return frame;   // empty while frozen: the caller just tries again
}

std::string SyntheticSource::control(const std::string& line) {
  const auto space = line.find(' ');
  const std::string verb = line.substr(0, space);
  const std::string arg = space == std::string::npos ? "" : line.substr(space + 1);
  if (verb == "show" && !arg.empty()) return showText(arg) ? "ok" : "error: text too long for a QR code";
  if (verb == "show-image" && !arg.empty()) return showImage(arg) ? "ok" : "error: cannot read image " + arg;
  if (verb == "clear" && arg.empty()) return clear(), "ok";
  if (verb == "unplug" && arg.empty()) return unplug(), "ok";
  if (verb == "replug" && arg.empty()) return replug(), "ok";
  if (verb == "fault") {
    if (arg == "garbage") return setFault(Fault::Garbage), "ok";
    if (arg == "dark") return setFault(Fault::Dark), "ok";
    if (arg == "frozen") return setFault(Fault::Frozen), "ok";
    if (arg == "clear" || arg == "none") return setFault(Fault::None), "ok";
    return "error: unknown fault '" + arg + "' (garbage, dark, frozen, clear)";
  }
  return "error: unknown qr step '" + line + "' (show TEXT, show-image FILE, clear, unplug, replug, fault NAME)";
}

}  // namespace onestop::peripherals::scanner
