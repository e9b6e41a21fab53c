#include "scanner/camera_source.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <opencv2/videoio.hpp>

namespace onestop::peripherals::scanner {
namespace {

std::string fourccText(double value) {
  const auto v = static_cast<unsigned>(value);
  std::string s;
  for (int i = 0; i < 4; ++i) {
    const char c = static_cast<char>((v >> (8 * i)) & 0xFF);
    s += (c >= 0x20 && c < 0x7F) ? c : '?';
  }
  return s;
}

constexpr int kMaxEmptyReads = 3;   // then the camera counts as gone

}  // namespace

CameraSource::CameraSource(CameraConfig config) : config_(std::move(config)) {}
CameraSource::~CameraSource() { close(); }

std::string CameraSource::devicePath() const {
  const bool index = !config_.device.empty() && std::all_of(config_.device.begin(), config_.device.end(),
                                                              [](char c) { return c >= '0' && c <= '9'; });
  return index ? "/dev/video" + config_.device : config_.device;
}

bool CameraSource::present() const { return ::access(devicePath().c_str(), F_OK) == 0; }

Completion CameraSource::open() {
  close();
  if (!present()) return {CompletionCode::DeviceNotReady, -1, "no camera at " + devicePath()};
  try {
    capture_ = std::make_unique<cv::VideoCapture>(devicePath(), cv::CAP_V4L2);
    if (!capture_->isOpened()) {
      capture_.reset();
      return {CompletionCode::HardwareError, -1, "camera " + devicePath() + " did not open (busy or not a capture device)"};
    }
    // FOURCC before the size: the size list depends on the pixel format.
    if (config_.mjpg) capture_->set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'));
    capture_->set(cv::CAP_PROP_FRAME_WIDTH, config_.width);
    capture_->set(cv::CAP_PROP_FRAME_HEIGHT, config_.height);
    capture_->set(cv::CAP_PROP_FPS, config_.fps);
    capture_->set(cv::CAP_PROP_BUFFERSIZE, 1);
    settings_ = {fourccText(capture_->get(cv::CAP_PROP_FOURCC)), static_cast<int>(capture_->get(cv::CAP_PROP_FRAME_WIDTH)),
                 static_cast<int>(capture_->get(cv::CAP_PROP_FRAME_HEIGHT)), capture_->get(cv::CAP_PROP_FPS),
                 static_cast<int>(capture_->get(cv::CAP_PROP_BUFFERSIZE))};
  } catch (const std::exception& e) {
    capture_.reset();
    return {CompletionCode::HardwareError, -1, std::string("camera: ") + e.what()};
  }
  spdlog::info("camera {}: asked {} {}x{} @{} buffer 1, got {} {}x{} @{:.0f} buffer {}", devicePath(),
               config_.mjpg ? "MJPG" : "default", config_.width, config_.height, config_.fps, settings_.fourcc,
               settings_.width, settings_.height, settings_.fps, settings_.bufferSize);
  if (settings_.width != config_.width || settings_.height != config_.height)
    spdlog::warn("camera {}: {}x{} is not offered; using {}x{}", devicePath(), config_.width, config_.height,
                 settings_.width, settings_.height);
  emptyReads_ = 0;
  return Completion::success();
}

Expected<cv::Mat> CameraSource::read() {
  if (!capture_) return Completion{CompletionCode::DeviceNotReady, -1, "camera not open"};
  cv::Mat frame;
  try {
    if (capture_->read(frame) && !frame.empty() && frame.depth() == CV_8U) {
      emptyReads_ = 0;
      return frame;
    }
  } catch (const std::exception& e) {
    return Completion{CompletionCode::HardwareError, -1, std::string("camera read: ") + e.what()};
  }
  // A replugged or failing camera returns nothing; a few in a row and it is gone.
  if (++emptyReads_ >= kMaxEmptyReads || !present())
    return Completion{CompletionCode::HardwareError, -1, "camera " + devicePath() + " stopped delivering frames"};
  return cv::Mat();
}

void CameraSource::close() {
  if (!capture_) return;
  try {
    capture_->release();
  } catch (const std::exception&) {
  }
  capture_.reset();
}

std::string CameraSource::describe() const {
  if (settings_.width == 0) return "camera " + devicePath();
  return fmt::format("camera {} ({} {}x{} @{:.0f})", devicePath(), settings_.fourcc, settings_.width, settings_.height,
                     settings_.fps);
}

}  // namespace onestop::peripherals::scanner
