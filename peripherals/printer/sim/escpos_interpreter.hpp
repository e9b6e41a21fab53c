#pragma once
// The printer's side of ESC/POS, for the subset OneStop sends (escpos/escpos_writer.hpp):
// a byte stream in, printed receipts out (lines of text runs with size, weight and
// alignment, QR codes, cuts), plus the real-time status requests to answer. Bytes may
// arrive in any chunks; a command split across chunks waits for its rest. Anything outside
// the subset is recorded as a finding, so tests see when the encoder and the simulated
// printer disagree.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "printer/escpos/escpos_writer.hpp"
#include "printer/escpos/realtime_status.hpp"

namespace onestop::peripherals::printer::sim {

struct TextRun {
  std::string text;   ///< UTF-8
  int width = 1, height = 1;
  bool bold = false;
};

struct PrintedLine {
  std::vector<TextRun> runs;   ///< empty for a blank line
  escpos::Alignment alignment = escpos::Alignment::Left;
  int height = 1;              ///< tallest run's height multiple
};

struct PrintedQr {
  std::string data;
  int moduleSize = 3;
  escpos::QrErrorCorrection ecc = escpos::QrErrorCorrection::L;
  escpos::Alignment alignment = escpos::Alignment::Left;
};

using PrintedElement = std::variant<PrintedLine, PrintedQr>;

/// One receipt: everything printed up to a cut.
struct PrintedReceipt {
  std::vector<PrintedElement> elements;
  bool cut = false;
  /// All text, one line per printed line (for tests: what a person would read).
  std::string plainText() const;
};

class EscPosInterpreter {
 public:
  /// Called for each real-time status request (DLE EOT n), as it arrives.
  using StatusQuery = std::function<void(escpos::StatusRequest)>;
  explicit EscPosInterpreter(StatusQuery onStatusQuery = {}) : onStatusQuery_(std::move(onStatusQuery)) {}

  void feed(std::span<const std::uint8_t> bytes);

  /// Receipts completed by a cut, oldest first; taken out of the interpreter.
  std::vector<PrintedReceipt> takeReceipts();
  /// What has been printed since the last cut.
  const PrintedReceipt& pending() const { return current_; }
  /// Commands outside the subset and malformed text ("unknown ESC 0x70 at byte 12").
  const std::vector<std::string>& findings() const { return findings_; }
  std::uint64_t bytesReceived() const { return received_; }

 private:
  // Consumes one command or character at the start of `buf_`; false when it is incomplete.
  bool step();
  void reset();
  void endLine();
  void addText(std::string utf8);
  void finding(std::string what);

  StatusQuery onStatusQuery_;
  std::vector<std::uint8_t> buf_;
  std::uint64_t received_ = 0;
  std::uint64_t consumed_ = 0;
  std::vector<std::uint8_t> textBytes_;   // GB18030 bytes of the run being collected

  // Print mode.
  bool chinese_ = false;
  escpos::Alignment alignment_ = escpos::Alignment::Left;
  int width_ = 1, height_ = 1;
  bool bold_ = false;
  int qrModule_ = 3;
  escpos::QrErrorCorrection qrEcc_ = escpos::QrErrorCorrection::L;
  std::string qrData_;

  PrintedLine line_;
  bool lineStarted_ = false;
  PrintedReceipt current_;
  std::vector<PrintedReceipt> done_;
  std::vector<std::string> findings_;
};

}  // namespace onestop::peripherals::printer::sim
