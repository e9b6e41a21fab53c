#pragma once
// The ID card reader as a Device: its own thread runs the GA 467 cycle
// (peripherals.md §1.2), polls for a card about once a second, reads each card once per
// presentation, and posts StatusChanged / MediaInserted / MediaRemoved / CardRead events.
//
// Commands: "CardReader.ReadRawData" (read the card now, even one already read; completes
// with the read's outcome), "Common.Reset" (reset the SAM), "Common.Status".
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "device/command_queue.hpp"
#include "device/device.hpp"
#include "idcard/card_session.hpp"
#include "idcard/photo_decoder.hpp"
#include "idcard/serial_transport.hpp"
#include "idcard/transport.hpp"

namespace onestop::peripherals::idcard {

struct ReaderConfig {
  std::string deviceId = "idcard";
  SerialConfig serial;                                   ///< port, baud, probing
  SessionOptions session;                                ///< timeouts, reads to agree
  std::chrono::milliseconds pollInterval{1000};          ///< find-card period
  std::chrono::milliseconds reconnectInterval{3000};     ///< after noDevice / SAM faults
  int maxReadAttempts = 3;          ///< per presentation, for transient read failures
  int maxSilentPolls = 3;           ///< consecutive failed polls before going offline
  std::string photoDecoderLibrary;  ///< optional vendor WLT decoder (dlopen)
  std::string photoDecoderSymbol = "onestop_wlt_to_bmp";
  /// Today's date for validity checks (tests inject one).
  std::function<std::chrono::year_month_day()> today;
};

class IdCardReader final : public Device {
 public:
  /// Uses a SerialTransport on config.serial.
  explicit IdCardReader(ReaderConfig config);
  /// Any transport (a USB transport later, fakes in tests); photoDecoder may be null.
  IdCardReader(ReaderConfig config, std::unique_ptr<Transport> transport,
               std::unique_ptr<PhotoDecoder> photoDecoder);
  ~IdCardReader() override;
  IdCardReader(const IdCardReader&) = delete;
  IdCardReader& operator=(const IdCardReader&) = delete;

  std::string_view id() const override { return config_.deviceId; }
  DeviceClass deviceClass() const override { return DeviceClass::CardReader; }
  void start(EventSink sink) override;
  void stop() override;
  DeviceStatus status() const override;
  CommandHandle execute(Command command) override;
  bool cancel(RequestId id) override;

  /// Replaces the photo decoder before start() (e.g. the simulator's sample decoder).
  void setPhotoDecoder(std::unique_ptr<PhotoDecoder> decoder);

 private:
  void run();
  bool connectStep();
  void pollStep();
  void attemptRead();
  void handleCommands();
  void finishRead(CardRead read);
  void goOffline(DeviceState state, const Completion& why);
  void setStatus(DeviceState state, std::string_view media, std::string description);
  void post(decltype(DeviceEvent::body) body);
  bool waitFor(std::chrono::milliseconds delay);   // false when stopping

  ReaderConfig config_;
  std::unique_ptr<Transport> transport_;
  std::unique_ptr<PhotoDecoder> photoDecoder_;
  std::unique_ptr<CardSession> session_;
  EventSink sink_;
  CommandQueue commands_;

  mutable std::mutex mutex_;        // guards status_, wake flag
  std::condition_variable wake_;
  bool woken_ = false;
  DeviceStatus status_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;

  // Device-thread state.
  bool connected_ = false;
  bool cardPresent_ = false;
  bool cardDone_ = false;            // final outcome reported for this presentation
  int failedAttempts_ = 0;           // transient read failures in this presentation
  Completion lastFailure_;
  int silentPolls_ = 0;
  std::optional<RequestId> readRequest_;   // a ReadRawData waiting for the next outcome
};

}  // namespace onestop::peripherals::idcard
