#pragma once
// What a printed receipt looks like: the simulator's rendering of a PrintedReceipt on
// 80 mm paper at the printer's 203 dpi (one pixel per dot, 576 printable dots between
// 32-dot margins), with the printer's monospaced grid (12 dots per half-width column,
// 24 per Chinese character, 30 dots per line at size 1), double sizes, bold and QR codes.
#include <string>

#include "core/result.hpp"
#include "printer/sim/escpos_interpreter.hpp"

namespace onestop::peripherals::printer::sim {

/// The bytes of a PNG file.
core::Result<std::string> renderReceiptPng(const PrintedReceipt& receipt);

}  // namespace onestop::peripherals::printer::sim
