#include "scanner/scanner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <opencv2/imgproc.hpp>

#include "scanner/code_decoder.hpp"
#include "scanner/frame_source.hpp"

namespace onestop::peripherals::scanner {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::string_view kStatus = "Common.Status";
constexpr std::string_view kReset = "BarcodeReader.Reset";
constexpr auto kPreviewInterval = std::chrono::milliseconds(66);   // ~15 previews a second is smooth enough

PreviewImage previewOf(const cv::Mat& frame, int width) {
  PreviewImage p;
  if (frame.empty() || width <= 0) return p;
  p.width = std::min(width, frame.cols);
  p.height = std::max(1, frame.rows * p.width / frame.cols);
  cv::Mat small, rgb;
  cv::resize(frame, small, {p.width, p.height}, 0, 0, cv::INTER_AREA);
  cv::cvtColor(small, rgb, small.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
  p.rgb.assign(rgb.datastart, rgb.dataend);
  return p;
}

}  // namespace

struct CodeScanner::Slot {
  cv::Mat frame;
  bool fresh = false;
};

CodeScanner::CodeScanner(ScannerConfig config, std::unique_ptr<FrameSource> source)
    : config_(std::move(config)), source_(std::move(source)), slot_(std::make_unique<Slot>()) {
  status_.device = DeviceState::NoDevice;
}

CodeScanner::~CodeScanner() { stop(); }

void CodeScanner::start(EventSink sink) {
  if (capture_.joinable()) return;
  sink_ = std::move(sink);
  stopping_ = false;
  capture_ = std::thread([this] { captureLoop(); });
  decode_ = std::thread([this] { decodeLoop(); });
}

void CodeScanner::stop() {
  if (!capture_.joinable()) return;
  {
    std::lock_guard lock(slotMutex_);
    stopping_ = true;
  }
  slotReady_.notify_all();
  wake_.notify_all();
  capture_.join();
  decode_.join();
  commands_.completeAll({CompletionCode::Canceled, -1, "device stopped"});
  source_->close();
}

DeviceStatus CodeScanner::status() const {
  std::lock_guard lock(statusMutex_);
  return status_;
}

CommandHandle CodeScanner::execute(Command command) {
  const bool known = command.name == kStatus || command.name == kReset;
  CommandHandle handle = commands_.push(std::move(command));
  if (!known) commands_.complete(handle.id, {CompletionCode::UnsupportedCommand, -1, "unknown command"});
  else handleCommands();   // both are instant: no need to wait for a device thread
  return handle;
}

bool CodeScanner::cancel(RequestId id) { return commands_.cancel(id); }

void CodeScanner::handleCommands() {
  while (auto cmd = commands_.take()) {
    if (cmd->command.name == kReset) forget_ = true;
    commands_.complete(cmd->id, Completion::success());
  }
}

void CodeScanner::setScanning(bool on) {
  // Codes already reported stay known while in view: a citizen who taps "scan another"
  // still holding the last code is not sent straight back to its result.
  if (scanning_.exchange(on) == on) return;
  spdlog::debug("{}: scanning {}", config_.deviceId, on ? "on" : "off");
  std::lock_guard lock(slotMutex_);
  wake_.notify_all();
  slotReady_.notify_all();
}

std::optional<PreviewImage> CodeScanner::previewAfter(std::uint64_t afterSequence) const {
  std::unique_lock lock(previewMutex_, std::try_to_lock);
  if (!lock.owns_lock() || preview_.sequence <= afterSequence || preview_.rgb.empty()) return std::nullopt;
  return preview_;
}

ScannerStats CodeScanner::stats() const {
  std::lock_guard lock(statsMutex_);
  return stats_;
}

void CodeScanner::post(decltype(DeviceEvent::body) body) {
  if (sink_) sink_(DeviceEvent{config_.deviceId, Clock::now(), std::move(body)});
}

void CodeScanner::setStatus(DeviceState state, std::string description) {
  DeviceStatus next;
  next.device = state;
  next.description = std::move(description);
  {
    std::lock_guard lock(statusMutex_);
    if (next == status_) return;
    status_ = next;
  }
  spdlog::info("{}: {}{}{}", config_.deviceId, nameOf(state), next.description.empty() ? "" : ": ", next.description);
  post(StatusChanged{std::move(next)});
}

void CodeScanner::captureLoop() {
  bool open = false;
  auto lastUse = Clock::now();
  auto lastPreview = Clock::time_point{};
  std::unique_lock lock(slotMutex_, std::defer_lock);
  while (!stopping_) {
    if (!scanning_) {
      // Idle: release the camera after a while (its light goes off), but keep telling
      // whether one is plugged in.
      if (open && Clock::now() - lastUse >= config_.idleRelease) {
        source_->close();
        open = false;
      }
      if (!open) setStatus(source_->present() ? DeviceState::Online : DeviceState::NoDevice,
                           source_->present() ? "" : "no camera");
      lock.lock();
      wake_.wait_for(lock, open ? config_.idleRelease : config_.reconnectInterval,
                     [this] { return stopping_.load() || scanning_.load(); });
      lock.unlock();
      continue;
    }
    lastUse = Clock::now();
    if (!open) {
      const Completion c = source_->open();
      if (!c.ok()) {
        setStatus(c.code == CompletionCode::DeviceNotReady ? DeviceState::NoDevice : DeviceState::HardwareError,
                  c.description);
        lock.lock();
        wake_.wait_for(lock, config_.reconnectInterval, [this] { return stopping_.load(); });
        lock.unlock();
        continue;
      }
      open = true;
      spdlog::info("{}: reading from {}", config_.deviceId, source_->describe());
      setStatus(DeviceState::Online, "");
    }
    auto frame = source_->read();
    if (!frame) {   // unplugged or broken: a status change, then reconnect polling
      source_->close();
      open = false;
      setStatus(source_->present() ? DeviceState::HardwareError : DeviceState::NoDevice, frame.error().description);
      continue;
    }
    if (frame.value().empty()) continue;   // a transient empty read
    {
      std::lock_guard stats(statsMutex_);
      ++stats_.framesCaptured;
    }
    if (Clock::now() - lastPreview >= kPreviewInterval) {
      lastPreview = Clock::now();
      PreviewImage p = previewOf(frame.value(), config_.previewWidth);
      std::lock_guard preview(previewMutex_);
      p.sequence = preview_.sequence + 1;
      preview_ = std::move(p);
    }
    lock.lock();
    if (slot_->fresh) {
      std::lock_guard stats(statsMutex_);
      ++stats_.framesDropped;
    }
    slot_->frame = std::move(frame.value());
    slot_->fresh = true;
    lock.unlock();
    slotReady_.notify_one();
  }
  if (open) source_->close();
}

void CodeScanner::decodeLoop() {
  CodeDecoder decoder({config_.formats, config_.fallbackShare});
  // What is in view now and when it was last seen: a code is reported when it appears.
  std::map<std::string, Clock::time_point> seen;
  // A camera can also fail by going quiet (a driver blocked in a read): the capture thread
  // cannot notice that, so this one does.
  auto lastFrame = Clock::now();
  bool stalled = false, wasScanning = false;
  while (true) {
    cv::Mat frame;
    bool got = false;
    {
      std::unique_lock lock(slotMutex_);
      // The watchdog needs a timed wait only while scanning; an idle kiosk sleeps here.
      if (scanning_)
        slotReady_.wait_for(lock, std::chrono::milliseconds(250),
                            [this] { return stopping_.load() || slot_->fresh || !scanning_.load(); });
      else
        slotReady_.wait(lock, [this] { return stopping_.load() || slot_->fresh || scanning_.load(); });
      if (stopping_) return;
      got = slot_->fresh;
      if (got) {
        frame = std::move(slot_->frame);
        slot_->fresh = false;
      }
    }
    const auto waited = Clock::now();
    const bool scanningNow = scanning_;
    if (scanningNow && !wasScanning) lastFrame = waited;   // the camera gets its time to start
    wasScanning = scanningNow;
    if (!got) {
      if (!scanningNow || status().device != DeviceState::Online) {
        lastFrame = waited;   // no frames expected
      } else if (!stalled && waited - lastFrame >= config_.stallTimeout) {
        stalled = true;
        setStatus(DeviceState::HardwareError, "no frames from the camera for " +
                                                  std::to_string(config_.stallTimeout.count()) + " ms");
      }
      continue;
    }
    lastFrame = waited;
    if (stalled) {
      stalled = false;
      setStatus(DeviceState::Online, "");
    }
    if (forget_.exchange(false)) seen.clear();
    if (!scanning_) continue;
    const auto t0 = Clock::now();
    std::vector<DecodedCode> codes;
    try {
      codes = decoder.decodeFrame(frame);
    } catch (const std::exception& e) {   // OpenCV throws on impossible input; a frame is not worth a crash
      spdlog::warn("{}: frame not decoded: {}", config_.deviceId, e.what());
    }
    const auto now = Clock::now();
    const double brightness = cv::mean(toGray(frame))[0];
    for (auto it = seen.begin(); it != seen.end();)
      it = now - it->second >= config_.repeatHold ? seen.erase(it) : std::next(it);
    int reported = 0;
    for (auto& code : codes) {
      const std::string key = code.format + '\n' + code.bytes;
      const bool isNew = seen.find(key) == seen.end();
      seen[key] = now;
      if (!isNew) continue;
      ++reported;
      // Format and size only: the text may be a credential.
      spdlog::info("{}: {} read ({} bytes, stage {})", config_.deviceId, code.format, code.bytes.size(), code.stage);
      post(CodeRead{code.format, std::move(code.text)});
    }
    std::lock_guard lock(statsMutex_);
    ++stats_.framesDecoded;
    stats_.codesReported += reported;
    stats_.meanBrightness = brightness;
    const double ms = std::chrono::duration<double, std::milli>(now - t0).count();
    stats_.decodeMsMean += (ms - stats_.decodeMsMean) / static_cast<double>(stats_.framesDecoded);
  }
}

}  // namespace onestop::peripherals::scanner
