#include "printer/escpos/escpos_writer.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "printer/escpos/gb18030.hpp"

namespace onestop::peripherals::escpos {
namespace {

constexpr std::uint8_t ESC = 0x1B, FS = 0x1C, GS = 0x1D, LF = 0x0A;

std::uint8_t clampByte(int v, int lo, int hi) { return static_cast<std::uint8_t>(std::clamp(v, lo, hi)); }

}  // namespace

EscPosWriter& EscPosWriter::initialize() {
  put({ESC, '@'});
  return *this;
}

EscPosWriter& EscPosWriter::chineseMode(bool on) {
  put({FS, static_cast<std::uint8_t>(on ? '&' : '.')});
  return *this;
}

EscPosWriter& EscPosWriter::align(Alignment a) {
  put({ESC, 'a', static_cast<std::uint8_t>(a)});
  return *this;
}

EscPosWriter& EscPosWriter::size(int width, int height) {
  const auto w = clampByte(width, 1, 8), h = clampByte(height, 1, 8);
  put({GS, '!', static_cast<std::uint8_t>(((w - 1) << 4) | (h - 1))});
  return *this;
}

EscPosWriter& EscPosWriter::bold(bool on) {
  put({ESC, 'E', static_cast<std::uint8_t>(on ? 1 : 0)});
  return *this;
}

EscPosWriter& EscPosWriter::text(std::string_view utf8) {
  auto gb = toGb18030(utf8, /*twoByteOnly=*/true);
  if (!gb) {
    if (error_.empty()) error_ = "text: " + gb.error();
    bytes_.push_back('?');
    return *this;
  }
  replaced_ += gb->replaced;
  // Control bytes inside text would be taken as commands: print them as spaces.
  for (char c : gb->bytes) bytes_.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : static_cast<std::uint8_t>(c));
  return *this;
}

EscPosWriter& EscPosWriter::line(std::string_view utf8) {
  text(utf8);
  bytes_.push_back(LF);
  return *this;
}

EscPosWriter& EscPosWriter::feed(int lines) {
  put({ESC, 'd', clampByte(lines, 0, 255)});
  return *this;
}

EscPosWriter& EscPosWriter::qrCode(std::string_view data, int moduleSize, QrErrorCorrection ecc) {
  if (data.empty() || data.size() > kMaxQrData) {
    if (error_.empty()) error_ = "QR code: data must be 1-" + std::to_string(kMaxQrData) + " bytes";
    return *this;
  }
  put({GS, '(', 'k', 4, 0, '1', 'A', '2', 0});                          // model 2
  put({GS, '(', 'k', 3, 0, '1', 'C', clampByte(moduleSize, 1, 16)});  // module size
  put({GS, '(', 'k', 3, 0, '1', 'E', static_cast<std::uint8_t>(ecc)}); // error correction
  const std::size_t len = data.size() + 3;
  put({GS, '(', 'k', static_cast<std::uint8_t>(len & 0xFF), static_cast<std::uint8_t>(len >> 8), '1', 'P', '0'});
  bytes_.insert(bytes_.end(), data.begin(), data.end());               // store
  put({GS, '(', 'k', 3, 0, '1', 'Q', '0'});                             // print
  return *this;
}

EscPosWriter& EscPosWriter::cut() {
  put({GS, 'V', 'A', 0});
  return *this;
}

int displayColumns(char32_t cp) {
  // East Asian Wide and Fullwidth ranges that receipts meet.
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
                    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ||
                    cp == 0x25A1 || cp == 0x2014 || cp == 0x2026 ||   // □ — … “ ” ‘ ’ are double width
                    (cp >= 0x2018 && cp <= 0x201D);                     // in GB printer fonts
  return wide ? 2 : 1;
}

int displayColumns(std::string_view utf8) {
  int n = 0;
  for (char32_t cp : core::decodeUtf8(utf8)) n += displayColumns(cp);
  return n;
}

}  // namespace onestop::peripherals::escpos
