#pragma once
// The 80 mm receipt printer (ESC/POS) as a Device. Its thread keeps the status fresh with
// DLE EOT (printer, offline cause, paper sensor) every statusInterval and prints jobs:
//
//   auto handle = printer.print(receipt.bytes(), 10s);   // Printer.PrintRaw
//   handle.completion → Success, UserError (paper out, cover open), DeviceNotReady
//                       (offline, no answer), TimeOut, HardwareError (link lost)
//
// A job is sent only to a printer that just answered "ready", and is reported printed only
// when the printer still answers "ready" after taking every byte: paper that ran out or a
// cover opened mid-job fails the job, so the kiosk never claims a receipt it did not give.
// Status follows peripherals.md §5: paper near end → online, paper "low"; paper out or
// cover open → userError; no answer → offline; link missing → noDevice.
//
// Commands: "Printer.PrintRaw" (through print()), "Common.Status", "Common.Reset" (ESC @).
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "device/command_queue.hpp"
#include "device/device.hpp"
#include "printer/escpos/realtime_status.hpp"
#include "printer/printer_link.hpp"

namespace onestop::peripherals::printer {

struct ReceiptPrinterConfig {
  std::string deviceId = "receipt-printer";
  std::chrono::milliseconds statusInterval{2000};
  std::chrono::milliseconds answerTimeout{500};      ///< for one DLE EOT answer
  std::chrono::milliseconds reconnectInterval{3000};
};

/// The device status a printer's real-time status means.
DeviceStatus deviceStatusOf(const escpos::RealtimeStatus& status);

class ReceiptPrinter final : public Device {
 public:
  ReceiptPrinter(ReceiptPrinterConfig config, std::unique_ptr<PrinterLink> link);
  ~ReceiptPrinter() override;
  ReceiptPrinter(const ReceiptPrinter&) = delete;
  ReceiptPrinter& operator=(const ReceiptPrinter&) = delete;

  std::string_view id() const override { return config_.deviceId; }
  DeviceClass deviceClass() const override { return DeviceClass::Printer; }
  void start(EventSink sink) override;
  void stop() override;
  DeviceStatus status() const override;
  CommandHandle execute(Command command) override;
  bool cancel(RequestId id) override;

  /// Queues ESC/POS bytes (Printer.PrintRaw); timeout 0 waits forever.
  CommandHandle print(std::vector<std::uint8_t> bytes, std::chrono::milliseconds timeout);

 private:
  void run();
  void handleCommands();
  Completion printJob(const std::vector<std::uint8_t>& bytes);
  /// Asks all three status bytes; false (with why) when the printer did not answer.
  Expected<escpos::RealtimeStatus> queryStatus();
  void refreshStatus();
  void setStatus(DeviceStatus next);
  void wake();
  bool waitFor(std::chrono::milliseconds delay);

  ReceiptPrinterConfig config_;
  std::unique_ptr<PrinterLink> link_;
  EventSink sink_;
  CommandQueue commands_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;   // guards the members below
  std::condition_variable wake_;
  bool woken_ = false;
  DeviceStatus status_;
  std::map<RequestId, std::vector<std::uint8_t>> jobs_;
};

}  // namespace onestop::peripherals::printer
