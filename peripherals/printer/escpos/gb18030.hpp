#pragma once
// UTF-8 ↔ GB18030 through iconv, for ESC/POS printers in Chinese mode. Thermal printer fonts
// usually stop at the two-byte part of GB18030 (GBK): characters that need four bytes
// (CJK Extension B and later, many rare name characters) are replaced on request.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace onestop::peripherals::escpos {

struct Gb18030Text {
  std::string bytes;
  std::size_t replaced = 0;   ///< characters that needed four bytes and were replaced
};

/// Converts valid UTF-8. With `twoByteOnly`, a character whose GB18030 form has four bytes
/// becomes `replacement` (itself converted; default □, A1 F5). Error on invalid UTF-8.
core::Result<Gb18030Text> toGb18030(std::string_view utf8, bool twoByteOnly, std::string_view replacement = "□");

/// The other way, for the simulator. Error on a malformed byte sequence.
core::Result<std::string> fromGb18030(std::string_view bytes);

}  // namespace onestop::peripherals::escpos
