#pragma once
// ESC/POS commands for 80 mm thermal receipt printers (peripherals.md §4.1): the subset
// OneStop prints with, and which the simulator (printer/sim) interprets.
//
//   EscPosWriter w;
//   w.initialize().chineseMode(true).align(Alignment::Centre).size(2, 2).line("受理回执")
//    .size(1, 1).align(Alignment::Left).line("受理编号：2026112488406611")
//    .qrCode("OSR1.2026112488406611", 6).feed(4).cut();
//   printer.print(w.bytes());
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::peripherals::escpos {

enum class Alignment : std::uint8_t { Left = 0, Centre = 1, Right = 2 };
enum class QrErrorCorrection : std::uint8_t { L = 0x30, M = 0x31, Q = 0x32, H = 0x33 };

inline constexpr int kDotsPerLine = 576;      ///< 72 mm printable at 203 dpi
inline constexpr int kColumns = 48;           ///< font A, 12 dots per half-width column
inline constexpr std::size_t kMaxQrData = 7089 - 3;

class EscPosWriter {
 public:
  EscPosWriter& initialize();                        ///< ESC @
  EscPosWriter& chineseMode(bool on);                ///< FS & / FS .
  EscPosWriter& align(Alignment a);                  ///< ESC a n
  EscPosWriter& size(int width, int height);         ///< GS ! n, each 1-8
  EscPosWriter& bold(bool on);                       ///< ESC E n
  /// Text in GB18030 (Chinese mode). Characters needing four bytes print as □ (printer
  /// fonts lack them); replacedCharacters() counts them. Invalid UTF-8 prints as ?.
  EscPosWriter& text(std::string_view utf8);
  EscPosWriter& line(std::string_view utf8 = {});   ///< text + LF
  EscPosWriter& feed(int lines);                     ///< ESC d n
  /// QR code by the printer (GS ( k: model 2, module size 1-16, error correction, store,
  /// print). Data longer than kMaxQrData is not sent (hasError()).
  EscPosWriter& qrCode(std::string_view data, int moduleSize, QrErrorCorrection ecc = QrErrorCorrection::M);
  EscPosWriter& cut();                               ///< GS V A 0: feed to the cutter, full cut

  const std::vector<std::uint8_t>& bytes() const { return bytes_; }
  std::size_t replacedCharacters() const { return replaced_; }
  bool hasError() const { return !error_.empty(); }
  const std::string& error() const { return error_; }   ///< first problem, for the log

 private:
  void put(std::initializer_list<std::uint8_t> b) { bytes_.insert(bytes_.end(), b); }
  std::vector<std::uint8_t> bytes_;
  std::size_t replaced_ = 0;
  std::string error_;
};

/// Columns `utf8` takes on the printer at size 1: 2 for CJK and other wide characters, 1
/// for ASCII and narrow ones.
int displayColumns(std::string_view utf8);
int displayColumns(char32_t cp);

}  // namespace onestop::peripherals::escpos
