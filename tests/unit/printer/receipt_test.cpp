// Receipts: laid out by kiosk/documents, interpreted as the printer would, rendered as the
// simulator shows them; the QR code reads back as the payload the kiosk's scanner accepts.
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <cairo.h>
#include <doctest/doctest.h>

#include "core/code_payload.hpp"
#include "documents/demo_receipts.hpp"
#include "documents/receipt.hpp"
#include "printer/sim/escpos_interpreter.hpp"
#include "printer/sim/receipt_image.hpp"

using namespace onestop;
using namespace onestop::documents;
namespace sim = onestop::peripherals::printer::sim;

namespace {

Receipt demo(const std::string& name) {
  for (auto& [n, r] : demoReceipts())
    if (n == name) return r;
  FAIL("no demo receipt " << name);
  return {};
}

sim::PrintedReceipt print(const Receipt& r) {
  auto bytes = encodeReceipt(r);
  REQUIRE_MESSAGE(bytes.ok(), bytes.error());
  sim::EscPosInterpreter interpreter;
  interpreter.feed(bytes.value());
  CHECK(interpreter.findings().empty());
  auto receipts = interpreter.takeReceipts();
  REQUIRE(receipts.size() == 1);
  return receipts[0];
}

// Decodes the QR codes in a PNG of the receipt with ZXing.
std::vector<std::string> qrCodesIn(const std::string& png) {
  struct Reader {
    const std::string& data;
    std::size_t at = 0;
  } reader{png};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(
      [](void* closure, unsigned char* out, unsigned int n) {
        auto* r = static_cast<Reader*>(closure);
        if (r->at + n > r->data.size()) return CAIRO_STATUS_READ_ERROR;
        std::copy_n(r->data.data() + r->at, n, out);
        r->at += n;
        return CAIRO_STATUS_SUCCESS;
      },
      &reader);
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  const ZXing::ImageView view(cairo_image_surface_get_data(s), cairo_image_surface_get_width(s),
                              cairo_image_surface_get_height(s), ZXing::ImageFormat::BGRX,
                              cairo_image_surface_get_stride(s));
  std::vector<std::string> out;
  for (const auto& r : ZXing::ReadBarcodes(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode)))
    out.push_back(r.text());
  cairo_surface_destroy(s);
  return out;
}

// Whether `what` was printed, also when wrapped onto the next (indented) line.
bool contains(const std::string& text, const std::string& what) {
  std::string joined;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      joined += text[i];
      continue;
    }
    while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
  }
  return joined.find(what) != std::string::npos || text.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("a filing receipt shows the acceptance number, service, masked submission and time limit") {
  const auto printed = print(demo("filing"));
  const auto text = printed.plainText();
  CHECK(contains(text, "测试市社会保险事业管理中心"));
  CHECK(contains(text, "受理回执"));
  CHECK(contains(text, "受理编号：2026112488406611"));
  CHECK(contains(text, "办理事项：联系电话变更"));
  CHECK(contains(text, "新联系电话：138****1234"));
  CHECK_FALSE(contains(text, "13800001234"));
  CHECK(contains(text, "1个工作日，2026年11月25日前办结"));
  CHECK(contains(text, "办理进度查询"));
  CHECK(contains(text, "[QR OSR1.2026112488406611]"));
  CHECK(printed.cut);
}

TEST_CASE("an offline filing prints a provisional receipt without an acceptance number or QR code") {
  const auto text = print(demo("filing-offline")).plainText();
  CHECK(contains(text, "临时受理凭证"));
  CHECK(contains(text, "临时凭证号：K01-7F3A-29C4"));
  CHECK(contains(text, "联网后将确认受理"));
  CHECK(contains(text, "银行账号：****5673"));   // the last 4 digits only
  CHECK_FALSE(contains(text, "622200"));
  CHECK(contains(text, "两级审核"));              // the service's note: back-office approval
  CHECK_FALSE(contains(text, "[QR"));
  CHECK(receiptQrPayload(demo("filing-offline")).empty());
}

TEST_CASE("a filing's values are listed with their labels, masked where the full value is not needed") {
  using onestop::core::FilingDetail;
  const std::vector<FilingDetail> details{
      {"bankName", "中国工商银行"},
      {"accountNumber", "6222020012345678903"},
      {"startMonth", "2026-05"},
      {"baseFen", {}, 1200000, true},
      {"address", "北京市市辖区东城区景山前街4号院", 0, false, 9},
      {"phone", "13912345678"},
      {"unknownField", "x"},
  };
  FilingReceipt r{"待遇领取账户变更", "2026112488406611", {}, 5, std::nullopt, filingItems(details), false, {}, {}};
  REQUIRE(r.submitted.size() == 6);   // a field without a label is not printed
  const auto text = print(r).plainText();
  CHECK(contains(text, "开户银行：中国工商银行"));
  CHECK(contains(text, "银行账号：****8903"));
  CHECK(contains(text, "参保起始月份：2026年05月"));
  CHECK(contains(text, "月缴费基数：12,000.00元"));
  CHECK(contains(text, "新通讯地址：北京市市辖区东城区景山****"));
  CHECK(contains(text, "新联系电话：139****5678"));
  CHECK_FALSE(contains(text, "前街"));
  CHECK_FALSE(contains(text, "62220200"));
}

TEST_CASE("certificate, queue ticket and rating receipts") {
  auto text = print(demo("certificate")).plainText();
  CHECK(contains(text, "证明编号：ZM2026112493570516"));
  CHECK(contains(text, "验证码：4694 4472 9725"));
  CHECK(contains(text, "已当场办结"));

  const auto ticket = print(demo("queue-ticket"));
  text = ticket.plainText();
  CHECK(contains(text, "B002"));
  CHECK(contains(text, "您前面还有1人"));
  CHECK(contains(text, "[QR OSQ1.20261124.B002]"));
  bool bigNumber = false;   // the number is printed at 4 × 4
  for (const auto& e : ticket.elements)
    if (const auto* l = std::get_if<sim::PrintedLine>(&e))
      for (const auto& run : l->runs) bigNumber = bigNumber || (run.text == "B002" && run.width == 4 && run.height == 4);
  CHECK(bigNumber);

  text = print(demo("rating")).plainText();
  CHECK(contains(text, "评价：非常满意"));
  CHECK(contains(text, "[QR OSR1.2026112488406611]"));
}

TEST_CASE("receipt QR codes are what the kiosk's scanner accepts") {
  for (auto& [name, receipt] : demoReceipts()) {
    CAPTURE(name);
    const auto payload = receiptQrPayload(receipt);
    if (payload.empty()) continue;
    const auto kind = core::classifyCode(payload).kind;
    CHECK((kind == core::CodeKind::Receipt || kind == core::CodeKind::QueueTicket));
    // And the QR code in the simulated printout decodes to it.
    auto png = sim::renderReceiptPng(print(receipt));
    REQUIRE(png.ok());
    const auto codes = qrCodesIn(png.value());
    REQUIRE(codes.size() == 1);
    CHECK(codes[0] == payload);
  }
}

TEST_CASE("receipts with missing or malformed fields are refused") {
  auto filing = std::get<FilingReceipt>(demo("filing"));
  filing.acceptanceNumber = "12";
  CHECK(encodeReceipt(filing).error().find("acceptanceNumber") != std::string::npos);
  filing = std::get<FilingReceipt>(demo("filing-offline"));
  filing.provisionalReference.clear();
  CHECK_FALSE(encodeReceipt(filing).ok());
  auto ticket = std::get<QueueTicketReceipt>(demo("queue-ticket"));
  ticket.ticketNumber = "12345";
  CHECK_FALSE(encodeReceipt(ticket).ok());
}

TEST_CASE("lines wrap at 48 columns, indented, never starting with a closing mark") {
  const auto lines = wrapColumns("办理进度：扫描下方二维码，或在自助终端“办理进度查询”中输入受理编号查看。", 48, 10);
  REQUIRE(lines.size() == 2);
  CHECK(peripherals::escpos::displayColumns(lines[0]) <= 48);
  CHECK(lines[1].rfind("          ", 0) == 0);
  const auto punct = wrapColumns("一二三四五，六", 10);   // the comma would start line 2
  REQUIRE(punct.size() == 2);
  CHECK(punct[0] == "一二三四");
  CHECK(punct[1] == "五，六");
  CHECK(wrapColumns("", 48).size() == 1);
}
