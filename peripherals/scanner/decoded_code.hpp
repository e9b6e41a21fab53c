#pragma once
// What the decoder found in a frame, and which symbologies it looks for. Plain types: no
// OpenCV or ZXing here, so the app and the tools can use them without either.
#include <cstdint>
#include <string>
#include <string_view>

namespace onestop::peripherals::scanner {

/// Symbologies the kiosk can read (bit flags). QR by default; PDF417 and DataMatrix on
/// request (e.g. a hall that reads driving licences or DataMatrix receipts).
enum Symbology : std::uint8_t { kQrCode = 1, kPdf417 = 2, kDataMatrix = 4 };
using Symbologies = std::uint8_t;

/// "qr,pdf417,datamatrix" → flags; 0 when a name is unknown or the list is empty.
Symbologies parseSymbologies(std::string_view list);

struct DecodedCode {
  std::string format;   ///< "QRCode", "PDF417", "DataMatrix"
  std::string text;     ///< UTF-8 content. May be a credential (e-SSC token): never log it
  std::string bytes;    ///< raw content bytes (binary payloads)
  std::string stage;    ///< which pipeline stage read it (for diagnostics and the benchmark)

  bool operator==(const DecodedCode& o) const { return format == o.format && bytes == o.bytes; }
};

}  // namespace onestop::peripherals::scanner
