#include "scanner/decoded_code.hpp"

namespace onestop::peripherals::scanner {

Symbologies parseSymbologies(std::string_view list) {
  Symbologies out = 0;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const auto name = list.substr(0, comma);
    if (name == "qr") out |= kQrCode;
    else if (name == "pdf417") out |= kPdf417;
    else if (name == "datamatrix") out |= kDataMatrix;
    else return 0;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
    if (list.empty()) return 0;   // trailing comma
  }
  return out;
}

}  // namespace onestop::peripherals::scanner
