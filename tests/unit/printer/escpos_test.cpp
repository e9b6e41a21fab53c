// ESC/POS: the bytes the encoder writes (peripherals.md §4.1), GB18030 text, and the
// real-time status bytes in both directions.
#include <doctest/doctest.h>

#include "printer/escpos/escpos_writer.hpp"
#include "printer/escpos/gb18030.hpp"
#include "printer/escpos/realtime_status.hpp"
#include "printer/receipt_printer.hpp"

using namespace onestop::peripherals;
using namespace onestop::peripherals::escpos;
using Bytes = std::vector<std::uint8_t>;

TEST_CASE("the encoder writes the documented command bytes") {
  CHECK(EscPosWriter().initialize().bytes() == Bytes{0x1B, 0x40});
  CHECK(EscPosWriter().chineseMode(true).chineseMode(false).bytes() == Bytes{0x1C, 0x26, 0x1C, 0x2E});
  CHECK(EscPosWriter().align(Alignment::Centre).bytes() == Bytes{0x1B, 0x61, 1});
  CHECK(EscPosWriter().size(2, 3).bytes() == Bytes{0x1D, 0x21, 0x12});
  CHECK(EscPosWriter().size(1, 1).bytes() == Bytes{0x1D, 0x21, 0x00});
  CHECK(EscPosWriter().bold(true).bytes() == Bytes{0x1B, 0x45, 1});
  CHECK(EscPosWriter().feed(4).bytes() == Bytes{0x1B, 0x64, 4});
  CHECK(EscPosWriter().cut().bytes() == Bytes{0x1D, 0x56, 0x41, 0});
  CHECK(EscPosWriter().line("A").bytes() == Bytes{'A', 0x0A});

  const Bytes qr = EscPosWriter().qrCode("OSR1", 6, QrErrorCorrection::M).bytes();
  const Bytes expected = {0x1D, 0x28, 0x6B, 4, 0, 0x31, 0x41, 0x32, 0,      // model 2
                          0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x43, 6,            // module size
                          0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x45, 0x31,         // error correction M
                          0x1D, 0x28, 0x6B, 7, 0, 0x31, 0x50, 0x30, 'O', 'S', 'R', '1',   // store
                          0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30};        // print
  CHECK(qr == expected);
  EscPosWriter tooLong;
  tooLong.qrCode(std::string(8000, 'A'), 6);
  CHECK(tooLong.hasError());
  CHECK(tooLong.bytes().empty());
}

TEST_CASE("text goes out in GB18030 and four-byte characters print as a box") {
  CHECK(EscPosWriter().text("测试").bytes() == Bytes{0xB2, 0xE2, 0xCA, 0xD4});
  EscPosWriter w;
  w.text("测𠈌");   // Ext B: four bytes in GB18030, which printer fonts lack
  CHECK(w.bytes() == Bytes{0xB2, 0xE2, 0xA1, 0xF5});
  CHECK(w.replacedCharacters() == 1);
  auto full = toGb18030("𠈌", false);
  REQUIRE(full.ok());
  CHECK(full->bytes.size() == 4);
  CHECK(fromGb18030(full->bytes).value() == "𠈌");
  CHECK(fromGb18030("\xB2\xE2\xCA\xD4").value() == "测试");
  CHECK_FALSE(fromGb18030("\x81").ok());
  // Invalid UTF-8 and control characters never become commands.
  EscPosWriter bad;
  bad.text("\xFF\xFE");
  CHECK(bad.bytes() == Bytes{'?'});
  CHECK(bad.hasError());
  CHECK(EscPosWriter().text("a\x1B@b").bytes() == Bytes{'a', ' ', '@', 'b'});
}

TEST_CASE("display columns: Chinese characters and full-width marks take two") {
  CHECK(displayColumns("受理编号：2026") == 14);
  CHECK(displayColumns("“办理”") == 8);
  CHECK(displayColumns("ABC 123") == 7);
}

TEST_CASE("status bytes round-trip and map to the device model") {
  CHECK(isStatusByte(0x12));
  CHECK_FALSE(isStatusByte(0x00));
  CHECK_FALSE(isStatusByte(0xFF));
  RealtimeStatus s{true, true, true, true, true, true};
  RealtimeStatus back;
  for (auto n : {StatusRequest::Printer, StatusRequest::OfflineCause, StatusRequest::PaperSensor})
    CHECK(applyStatusByte(n, statusByteFor(n, s), back));
  CHECK(back == s);
  CHECK(statusByteFor(StatusRequest::PaperSensor, {false, false, false, false, true, false}) == 0x1E);   // 0x12 | 0x0C
  CHECK(statusByteFor(StatusRequest::PaperSensor, {false, false, false, false, false, true}) == 0x72);   // 0x12 | 0x60
  CHECK_FALSE(applyStatusByte(StatusRequest::Printer, 0x00, back));

  using printer::deviceStatusOf;
  CHECK(deviceStatusOf({}).device == DeviceState::Online);
  CHECK(deviceStatusOf({}).details.at("paper") == "full");
  RealtimeStatus low;
  low.paperNearEnd = true;
  CHECK(deviceStatusOf(low).device == DeviceState::Online);
  CHECK(deviceStatusOf(low).details.at("paper") == "low");
  RealtimeStatus out;
  out.paperOut = true;
  CHECK(deviceStatusOf(out).device == DeviceState::UserError);
  CHECK(deviceStatusOf(out).details.at("paper") == "out");
  RealtimeStatus cover;
  cover.coverOpen = true;
  CHECK(deviceStatusOf(cover).device == DeviceState::UserError);
  CHECK(deviceStatusOf(cover).details.at("cover") == "open");
  RealtimeStatus offline;
  offline.offline = true;
  CHECK(deviceStatusOf(offline).device == DeviceState::Offline);
}
