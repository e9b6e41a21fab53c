#pragma once
// A V4L2 camera through OpenCV's VideoCapture (peripherals.md §6). Asks for MJPG at
// 1280x720 (UVC webcams give 720p at 30 fps only as MJPG), a one-frame driver buffer so
// frames are fresh, and logs what the camera actually agreed to.
#include <memory>
#include <string>

#include "scanner/frame_source.hpp"

namespace cv {
class VideoCapture;
}

namespace onestop::peripherals::scanner {

struct CameraConfig {
  std::string device = "/dev/video0";   ///< node path, or an index "0"
  int width = 1280;
  int height = 720;
  int fps = 30;
  bool mjpg = true;
};

/// What the camera delivers after negotiation.
struct CameraSettings {
  std::string fourcc;
  int width = 0, height = 0;
  double fps = 0;
  int bufferSize = 0;
};

class CameraSource final : public FrameSource {
 public:
  explicit CameraSource(CameraConfig config);
  ~CameraSource() override;
  Completion open() override;
  Expected<cv::Mat> read() override;
  void close() override;
  bool present() const override;
  std::string describe() const override;
  const CameraSettings& settings() const { return settings_; }

 private:
  std::string devicePath() const;
  CameraConfig config_;
  CameraSettings settings_;
  std::unique_ptr<cv::VideoCapture> capture_;
  int emptyReads_ = 0;
};

}  // namespace onestop::peripherals::scanner
