#include "scanner/file_source.hpp"

#include <unistd.h>

#include <exception>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <thread>

namespace onestop::peripherals::scanner {

FileSource::FileSource(std::string path, double fps)
    : path_(std::move(path)),
      interval_(std::chrono::microseconds(static_cast<long>(1e6 / (fps > 0 ? fps : 15)))) {}
FileSource::~FileSource() { close(); }

bool FileSource::present() const { return ::access(path_.c_str(), R_OK) == 0; }

Completion FileSource::open() {
  close();
  if (!present()) return {CompletionCode::DeviceNotReady, -1, "cannot read " + path_};
  try {
    image_ = cv::imread(path_, cv::IMREAD_COLOR);
    if (image_.empty()) {
      video_ = std::make_unique<cv::VideoCapture>(path_);
      // FFmpeg opens almost anything; only a first frame shows that it is a video.
      if (!video_->isOpened() || !video_->read(first_) || first_.empty()) {
        video_.reset();
        first_.release();
        return {CompletionCode::InvalidData, -1, path_ + " is neither an image nor a video OpenCV can read"};
      }
    }
  } catch (const std::exception& e) {
    video_.reset();
    return {CompletionCode::InvalidData, -1, path_ + ": " + e.what()};
  }
  next_ = std::chrono::steady_clock::now();
  return Completion::success();
}

void FileSource::pace() {
  std::this_thread::sleep_until(next_);
  next_ = std::max(next_ + interval_, std::chrono::steady_clock::now());
}

Expected<cv::Mat> FileSource::read() {
  if (!image_.empty()) {
    pace();
    return image_.clone();   // the scanner may keep it while the next one is read
  }
  if (!video_) return Completion{CompletionCode::DeviceNotReady, -1, "file not open"};
  pace();
  if (!first_.empty()) return std::move(first_);
  cv::Mat frame;
  try {
    if (!video_->read(frame) || frame.empty()) {   // end of the video: play it again
      video_->set(cv::CAP_PROP_POS_FRAMES, 0);
      if (!video_->read(frame) || frame.empty())
        return Completion{CompletionCode::InvalidData, -1, path_ + ": no frames"};
    }
  } catch (const std::exception& e) {
    return Completion{CompletionCode::InvalidData, -1, path_ + ": " + e.what()};
  }
  return frame;
}

void FileSource::close() {
  image_.release();
  first_.release();
  video_.reset();
}

std::string FileSource::describe() const { return "file " + path_; }

}  // namespace onestop::peripherals::scanner
