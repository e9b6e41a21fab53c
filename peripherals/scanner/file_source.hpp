#pragma once
// Frames from a file: an image shown over and over, or a video played in a loop, paced at
// `fps` like a camera. For diagnostics and for trying the kiosk without a camera.
#include <chrono>
#include <memory>
#include <string>

#include "scanner/frame_source.hpp"

namespace cv {
class VideoCapture;
}

namespace onestop::peripherals::scanner {

class FileSource final : public FrameSource {
 public:
  explicit FileSource(std::string path, double fps = 15);
  ~FileSource() override;
  Completion open() override;
  Expected<cv::Mat> read() override;
  void close() override;
  bool present() const override;
  std::string describe() const override;

 private:
  void pace();
  std::string path_;
  std::chrono::microseconds interval_;
  std::chrono::steady_clock::time_point next_;
  cv::Mat image_;                               // a still image
  std::unique_ptr<cv::VideoCapture> video_;     // or a video
  cv::Mat first_;                               // its first frame, read by open() as a check
};

}  // namespace onestop::peripherals::scanner
