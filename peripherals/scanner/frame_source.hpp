#pragma once
// Where frames come from: a V4L2 camera, an image or video file, or the synthetic feed of
// tests and demos — one interface, so the scanner and its decoder never know which.
// Called from the scanner's capture thread only (the synthetic source's controls are the
// exception and are thread-safe).
#include <string>

#include <opencv2/core.hpp>

#include "device/device.hpp"

namespace onestop::peripherals::scanner {

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  /// Opens (or reopens) the source. A missing device completes with DeviceNotReady, one
  /// that fails to start with HardwareError.
  virtual Completion open() = 0;
  /// The next frame (8-bit BGR or grey), waiting at most about one frame interval. An
  /// error means the source is gone (unplugged, file unreadable): the caller closes it.
  virtual Expected<cv::Mat> read() = 0;
  virtual void close() = 0;
  /// Cheap check that the device could be opened (the camera node exists...), for
  /// reconnect polling without opening it.
  virtual bool present() const = 0;
  /// For logs: "camera /dev/video0 (MJPG 1280x720 @30)", "file sample.png", "synthetic".
  virtual std::string describe() const = 0;
};

}  // namespace onestop::peripherals::scanner
