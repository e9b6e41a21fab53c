#pragma once
// An 80 mm ESC/POS receipt printer on a pseudo terminal. The real driver (ReceiptPrinter
// with a FileLink) opens the slave side; the simulator interprets what arrives on the
// master side (EscPosInterpreter), answers DLE EOT with its status, and keeps each cut
// receipt, optionally writing it as a PNG (what would have printed).
//
// States to fake: paper near end (prints, reports "low"), paper out and cover open (prints
// nothing, reports them), paper running out after N more bytes (mid-job), power off
// (no answers, prints nothing). In process through the API, or as control lines
// (`paper low`, `cover open`, `power off`, `status`...).
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "device/device.hpp"
#include "printer/escpos/realtime_status.hpp"
#include "printer/sim/escpos_interpreter.hpp"

namespace onestop::peripherals::printer::sim {

struct SimulatorConfig {
  std::string linkPath;                   ///< optional symlink to the pty slave, e.g. /tmp/receipt-printer
  std::filesystem::path outputDir;        ///< when set, each receipt is written as receipt-N.png
};

struct SimulatorStatus {
  escpos::RealtimeStatus printer;
  bool poweredOff = false;
  std::optional<std::uint64_t> paperOutAfter;   ///< bytes still to print before the paper ends
  std::uint64_t bytesReceived = 0;
  std::uint64_t statusQueries = 0;
  std::uint64_t receiptsPrinted = 0;
  std::uint64_t receiptsLost = 0;               ///< cut while the printer could not print
};

class EscPosSimulator {
 public:
  static Expected<std::unique_ptr<EscPosSimulator>> create(SimulatorConfig config = {});
  ~EscPosSimulator();
  EscPosSimulator(const EscPosSimulator&) = delete;
  EscPosSimulator& operator=(const EscPosSimulator&) = delete;

  /// The path the driver opens: the symlink if one was asked for, else the pty slave.
  const std::string& devicePath() const { return config_.linkPath.empty() ? slavePath_ : config_.linkPath; }

  void setPaperNearEnd(bool on);
  void setPaperOut(bool on);
  void setPaperOutAfter(std::uint64_t bytes);   ///< the paper ends after this many more bytes
  void setCoverOpen(bool open);
  void setPoweredOff(bool off);
  SimulatorStatus status() const;

  /// Receipts printed so far (cut ones), oldest first; taken out of the simulator.
  std::vector<PrintedReceipt> takeReceipts();
  /// Waits until `count` receipts are waiting to be taken.
  bool waitForReceipts(std::size_t count, std::chrono::milliseconds timeout);
  /// Interpreter findings: commands outside the subset, malformed text.
  std::vector<std::string> findings() const;

  /// One control line: `paper ok|low|out`, `paper out-after N`, `cover open|closed`,
  /// `power on|off`, `status`, `help`. Returns "ok ..." or "error ...".
  std::string control(std::string_view line);

 private:
  explicit EscPosSimulator(SimulatorConfig config);
  Completion openPty();
  void run();
  void onBytes(std::span<const std::uint8_t> bytes);
  void answer(escpos::StatusRequest request);
  bool canPrint() const;   // mutex_ held

  SimulatorConfig config_;
  int master_ = -1;
  int slaveKeepAlive_ = -1;
  int wakeRead_ = -1, wakeWrite_ = -1;
  std::string slavePath_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;

  mutable std::mutex mutex_;   // guards everything below
  std::condition_variable receiptsChanged_;
  SimulatorStatus state_;
  EscPosInterpreter interpreter_;
  std::vector<PrintedReceipt> receipts_;
  std::uint64_t written_ = 0;   // PNG files written
};

}  // namespace onestop::peripherals::printer::sim
