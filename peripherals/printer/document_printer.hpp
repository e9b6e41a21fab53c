#pragma once
// The A4 document printer behind CUPS, as a Device. Its thread reads the queue's state
// (Get-Printer-Attributes) every statusInterval and prints jobs:
//
//   auto handle = printer.print(pdfBytes, "参保缴费证明 ZM2026…", 60s);   // Printer.PrintForm
//   handle.completion → Success only when CUPS reports the job "completed";
//                       DeviceNotReady (queue stopped, not accepting, missing),
//                       UserError (paper out, jam, door open), HardwareError (job aborted,
//                       canceled or stopped by CUPS, scheduler unreachable), TimeOut
//                       (the job is canceled then), Canceled.
//
// A job goes only to a queue that is ready; while it waits, a queue that stops or a
// printer that runs out of paper fails it at once rather than at the timeout. Job titles
// reach CUPS logs and spool files: pass the document type and serial, never a name.
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "device/command_queue.hpp"
#include "device/device.hpp"
#include "printer/cups_connection.hpp"

namespace onestop::peripherals::printer {

struct DocumentPrinterConfig {
  std::string deviceId = "document-printer";
  CupsServer server;                                ///< default: libcups' own (CUPS_SERVER, client.conf)
  std::string queue;                                ///< the CUPS queue name
  std::chrono::milliseconds statusInterval{5000};
  std::chrono::milliseconds jobPollInterval{200};
};

class DocumentPrinter final : public Device {
 public:
  explicit DocumentPrinter(DocumentPrinterConfig config);
  ~DocumentPrinter() override;
  DocumentPrinter(const DocumentPrinter&) = delete;
  DocumentPrinter& operator=(const DocumentPrinter&) = delete;

  std::string_view id() const override { return config_.deviceId; }
  DeviceClass deviceClass() const override { return DeviceClass::Printer; }
  void start(EventSink sink) override;
  void stop() override;
  DeviceStatus status() const override;
  /// "Common.Status" refreshes the queue state; print through print().
  CommandHandle execute(Command command) override;
  bool cancel(RequestId id) override;

  /// Queues a PDF (Printer.PrintForm); timeout 0 waits forever.
  CommandHandle print(std::string pdf, std::string title, std::chrono::milliseconds timeout);

 private:
  struct Job {
    std::string pdf, title;
  };
  void run();
  void handleCommands();
  Completion printJob(RequestId id, const Job& job);
  void refreshStatus();
  void setStatus(DeviceStatus next);
  void wake();
  bool waitFor(std::chrono::milliseconds delay);

  DocumentPrinterConfig config_;
  std::unique_ptr<CupsConnection> cups_;
  EventSink sink_;
  CommandQueue commands_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;   // guards the members below
  std::condition_variable wake_;
  bool woken_ = false;
  DeviceStatus status_;
  std::map<RequestId, Job> jobs_;
};

}  // namespace onestop::peripherals::printer
