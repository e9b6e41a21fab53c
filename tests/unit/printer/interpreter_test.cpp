// The simulated printer's interpreter: same result however the bytes are chunked, findings
// for anything outside the subset, status requests answered as they come.
#include <doctest/doctest.h>

#include "printer/escpos/escpos_writer.hpp"
#include "printer/sim/escpos_interpreter.hpp"

using namespace onestop::peripherals;
namespace sim = onestop::peripherals::printer::sim;

namespace {

std::vector<std::uint8_t> sample() {
  escpos::EscPosWriter w;
  w.initialize().chineseMode(true).align(escpos::Alignment::Centre).size(2, 2).line("受理回执").size(1, 1);
  w.align(escpos::Alignment::Left).bold(true).text("受理编号：").bold(false).line("2026112488406611");
  w.qrCode("OSR1.2026112488406611", 6).feed(2).cut();
  w.line("second").cut();
  return w.bytes();
}

}  // namespace

TEST_CASE("the interpreter reads the encoder's output the same in any chunking") {
  const auto bytes = sample();
  sim::EscPosInterpreter whole;
  whole.feed(bytes);
  auto expected = whole.takeReceipts();
  REQUIRE(expected.size() == 2);
  CHECK(whole.findings().empty());
  CHECK(expected[0].plainText() == "受理回执\n受理编号：2026112488406611\n[QR OSR1.2026112488406611]\n\n\n");
  const auto& title = std::get<sim::PrintedLine>(expected[0].elements[0]);
  CHECK(title.alignment == escpos::Alignment::Centre);
  CHECK(title.runs[0].width == 2);
  const auto& number = std::get<sim::PrintedLine>(expected[0].elements[1]);
  REQUIRE(number.runs.size() == 2);
  CHECK(number.runs[0].bold);
  CHECK_FALSE(number.runs[1].bold);
  const auto& qr = std::get<sim::PrintedQr>(expected[0].elements[2]);
  CHECK(qr.moduleSize == 6);
  CHECK(qr.ecc == escpos::QrErrorCorrection::M);

  for (std::size_t chunk : {1u, 2u, 3u, 7u}) {
    CAPTURE(chunk);
    sim::EscPosInterpreter split;
    for (std::size_t at = 0; at < bytes.size(); at += chunk)
      split.feed(std::span(bytes).subspan(at, std::min(chunk, bytes.size() - at)));
    auto got = split.takeReceipts();
    REQUIRE(got.size() == 2);
    CHECK(got[0].plainText() == expected[0].plainText());
    CHECK(got[1].plainText() == expected[1].plainText());
    CHECK(split.findings().empty());
  }
}

TEST_CASE("commands outside the subset are findings, and status requests are answered") {
  std::vector<escpos::StatusRequest> asked;
  sim::EscPosInterpreter interpreter([&](escpos::StatusRequest r) { asked.push_back(r); });
  const std::uint8_t bytes[] = {0x10, 0x04, 0x04, 0x1B, 0x70, 'x', 0x1D, 0x76, 0x10, 0x04, 0x01, 0x07, 'A', 0x0A};
  interpreter.feed(bytes);
  CHECK(asked == std::vector{escpos::StatusRequest::PaperSensor, escpos::StatusRequest::Printer});
  CHECK(interpreter.findings().size() == 3);   // ESC p, GS v, BEL
  CHECK(interpreter.pending().plainText() == "xA\n");
}
