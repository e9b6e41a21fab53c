#pragma once
// The camera code scanner as a Device (XFS4IoT BarcodeReader). Two threads: capture reads
// frames from the source as fast as it delivers them and keeps only the newest (plus a
// small preview for the screen); decode takes the newest frame whenever it is free, so it
// never works through a backlog — stale frames are dropped. A code is reported once
// (CodeRead) while it stays in view, and again only after it was gone for `repeatHold`.
// Frames are read only while a screen asks for scanning (setScanning); otherwise the
// camera is released after `idleRelease`. A source that fails is a status change
// (noDevice / hardwareError) and is reopened when it comes back; one that goes quiet while
// scanning is hardwareError until frames flow again.
//
// Commands: "Common.Status", "BarcodeReader.Reset" (forget codes already reported).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "device/command_queue.hpp"
#include "device/device.hpp"
#include "scanner/decoded_code.hpp"

namespace onestop::peripherals::scanner {

class FrameSource;

struct ScannerConfig {
  std::string deviceId = "scanner";
  Symbologies formats = kQrCode;
  double fallbackShare = 0.25;                         ///< see CodeDecoder
  std::chrono::milliseconds repeatHold{3000};          ///< a code out of view this long counts as new
  std::chrono::milliseconds reconnectInterval{2000};   ///< polling a missing camera
  std::chrono::milliseconds idleRelease{10000};        ///< camera released after this long unused
  std::chrono::milliseconds stallTimeout{3000};        ///< scanning with no frames this long: hardwareError
  int previewWidth = 480;                              ///< preview width in pixels (height keeps aspect)
};

/// A downscaled RGB copy of a recent frame, for the screen.
struct PreviewImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;   ///< width * height * 3
  std::uint64_t sequence = 0;      ///< increases with every new preview
};

/// Figures for diagnostics and the screen's hints; a consistent snapshot.
struct ScannerStats {
  long framesCaptured = 0;
  long framesDecoded = 0;
  long framesDropped = 0;       ///< captured but replaced before the decoder got to them
  long codesReported = 0;
  double meanBrightness = -1;   ///< 0–255 of the last decoded frame; -1 before any
  double decodeMsMean = 0;      ///< mean decode time per frame
};

class CodeScanner final : public Device {
 public:
  CodeScanner(ScannerConfig config, std::unique_ptr<FrameSource> source);
  ~CodeScanner() override;
  CodeScanner(const CodeScanner&) = delete;
  CodeScanner& operator=(const CodeScanner&) = delete;

  std::string_view id() const override { return config_.deviceId; }
  DeviceClass deviceClass() const override { return DeviceClass::Scanner; }
  void start(EventSink sink) override;
  void stop() override;
  DeviceStatus status() const override;
  CommandHandle execute(Command command) override;
  bool cancel(RequestId id) override;

  /// A screen that reads codes turns scanning on while it is shown. Cheap, any thread. A
  /// code reported before counts again only once it was out of view for `repeatHold`.
  void setScanning(bool on);
  bool scanning() const { return scanning_; }

  /// The newest preview if it is newer than `afterSequence`. Never blocks: while the
  /// capture thread is writing one, returns nothing (the next frame will do).
  std::optional<PreviewImage> previewAfter(std::uint64_t afterSequence) const;
  ScannerStats stats() const;

 private:
  void captureLoop();
  void decodeLoop();
  void setStatus(DeviceState state, std::string description);
  void post(decltype(DeviceEvent::body) body);
  void report(std::vector<DecodedCode> codes);
  void handleCommands();

  ScannerConfig config_;
  std::unique_ptr<FrameSource> source_;
  EventSink sink_;
  CommandQueue commands_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> scanning_{false};
  std::atomic<bool> forget_{false};   // decode thread: clear the reported list
  std::thread capture_, decode_;

  mutable std::mutex statusMutex_;
  DeviceStatus status_;

  // Capture → decode hand-over: one slot, the newest frame wins.
  struct Slot;
  std::unique_ptr<Slot> slot_;
  std::mutex slotMutex_;
  std::condition_variable slotReady_;
  std::condition_variable wake_;   // capture thread: scanning turned on, or stop

  mutable std::mutex previewMutex_;
  PreviewImage preview_;

  mutable std::mutex statsMutex_;
  ScannerStats stats_;
};

}  // namespace onestop::peripherals::scanner
