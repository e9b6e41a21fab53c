#pragma once
// The camera of tests and demos: 1280x720 frames of a grey, slightly noisy scene into which
// a scenario puts a QR code (rendered with ZXing's writer) or an image file, the way a
// citizen holds up a phone. Faults: unplug/replug, garbage frames, darkness, a camera that
// goes quiet. Controls are
// thread-safe and take effect from the next frame.
#include <atomic>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "scanner/frame_source.hpp"

namespace onestop::peripherals::scanner {

struct SyntheticConfig {
  int width = 1280;
  int height = 720;
  double fps = 30;
};

class SyntheticSource final : public FrameSource {
 public:
  explicit SyntheticSource(SyntheticConfig config = {});

  Completion open() override;
  Expected<cv::Mat> read() override;
  void close() override;
  bool present() const override { return plugged_; }
  std::string describe() const override { return "synthetic camera"; }

  // ---- controls (any thread) ----
  /// Shows a QR code of `text`; false when it cannot be encoded (too long).
  bool showText(const std::string& text);
  /// Shows an image file (a photo of a code); false when it cannot be read.
  bool showImage(const std::string& path);
  /// Shows an image already in memory (tests).
  void showMat(const cv::Mat& image);
  /// Nothing in front of the camera.
  void clear();
  void unplug() { plugged_ = false; }
  void replug() { plugged_ = true; }
  enum class Fault { None, Garbage, Dark, Frozen };   ///< Frozen: no frames, no error
  void setFault(Fault fault) { fault_ = fault; }
  /// Scenario/control line: "show TEXT", "show-image FILE", "clear", "unplug", "replug",
  /// "fault garbage|dark|clear". Returns "ok" or "error …".
  std::string control(const std::string& line);

  long framesDelivered() const { return frames_; }

 private:
  cv::Mat compose();
  SyntheticConfig config_;
  std::mutex mutex_;   // guards shown_
  cv::Mat shown_;      // what the citizen holds up, already scaled to fit
  std::atomic<bool> plugged_{true};
  std::atomic<Fault> fault_{Fault::None};
  std::atomic<long> frames_{0};
  bool open_ = false;
  std::mt19937 rng_{1234};
  std::vector<cv::Mat> noise_;   // capture thread only
  std::chrono::steady_clock::time_point next_;
};

}  // namespace onestop::peripherals::scanner
