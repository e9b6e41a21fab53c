// A4 certificates end to end: the PDF as poppler reads it (text, pages, repeated table
// headers), the rendered page's QR code read back with ZXing, and the seal in it verified
// with the keys the demo server published.
#include <doctest/doctest.h>

#include <fstream>

#include "document_checks.hpp"
#include "core/code_payload.hpp"
#include "documents/certificate_renderer.hpp"
#include "documents/wording.hpp"
#include "seal/seal.hpp"

using namespace onestop::documents;
using namespace onestop::documents::test;
namespace seal = onestop::central::seal;

namespace {

const CertificateRenderer& renderer() {
  static const CertificateRenderer r = [] {
    auto created = CertificateRenderer::create();
    REQUIRE_MESSAGE(created.ok(), created.error());
    return std::move(created.value());
  }();
  return r;
}

std::filesystem::path writePdf(const TempDir& dir, const std::string& name, const IssuedCertificate& c) {
  auto pdf = renderer().pdf(c);
  REQUIRE_MESSAGE(pdf.ok(), pdf.error());
  const auto path = dir.path / (name + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf.value();
  return path;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

seal::SealVerification verifyWithFixtureKeys(const std::string& text, const IssuedCertificate& c) {
  auto keys = seal::publicKeysFromJson(readFile(fixturePath("keys")));
  REQUIRE_MESSAGE(keys.ok(), keys.error());
  return seal::verifySeal(text, keys.value(), c.issuedAt.time_since_epoch().count() + 60);
}

}  // namespace

TEST_CASE("a participation certificate prints its fields, the masked ID number, serial and code") {
  TempDir dir;
  const auto c = loadFixture("participation-worker");
  const auto pdf = writePdf(dir, "participation", c);
  CHECK(pdfPages(pdf) == 1);
  const auto text = pdfText(pdf);
  for (std::string expected : {"参保缴费证明", "测试市社会保险事业管理中心", "测试张伟", "110105********0312", "基本养老保险",
                               "生育保险", "参保缴费", "2009年04月", "212（17年8个月）", "2026年11月24日", "第1页/共1页"}) {
    CAPTURE(expected);
    CHECK(text.find(expected) != std::string::npos);
  }
  CHECK(text.find(c.serial) != std::string::npos);
  CHECK(text.find(c.verificationCodePrinted) != std::string::npos);
  CHECK(text.find("https://verify.onestop.example") != std::string::npos);
  CHECK(text.find(periodLine(c.period)) != std::string::npos);   // 证明期间：2009年04月 至 2026年11月
  // The full ID number exists nowhere in the file, not even in metadata.
  CHECK(readFile(pdf).find("110105198503140312") == std::string::npos);
  // The hidden background words are drawn as shapes, not text.
  CHECK(text.find("复印无效") == std::string::npos);
}

TEST_CASE("the seal QR code on the rendered page decodes and verifies") {
  TempDir dir;
  for (std::string name : {"participation-worker", "benefit-retiree", "rights-record-worker"}) {
    CAPTURE(name);
    const auto c = loadFixture(name);
    const auto pdf = writePdf(dir, name, c);
    const auto codes = readQrCodes(renderWithPoppler(pdf, 1, 150));
    REQUIRE(codes.size() == 1);
    // A link to the public verification page that a kiosk reads back as the seal.
    CHECK(codes[0] == "https://verify.onestop.example/v/" + c.seal);
    const auto read = onestop::core::classifyCode(codes[0]);
    CHECK(read.kind == onestop::core::CodeKind::CertificateSeal);
    const auto v = verifyWithFixtureKeys(read.value, c);
    CHECK_MESSAGE(v.valid(), v.message);
    REQUIRE(v.payload.has_value());
    CHECK(v.payload->serial == c.serial);
    CHECK(v.payload->maskedIdNumber == c.holder.idNumberMasked);
  }
}

TEST_CASE("a long personal rights record breaks across pages with the table header repeated") {
  TempDir dir;
  auto c = loadFixture("rights-record-retiree");
  const auto pdf = writePdf(dir, "rights-retiree", c);
  const int pages = pdfPages(pdf);
  CHECK(pages == renderer().pageCount(c));
  REQUIRE(pages >= 2);
  const auto text = pdfText(pdf);
  CHECK(count(text, "缴费基数（元）") >= 2);   // the yearly table continues under its header
  CHECK(text.find("第2页/共" + std::to_string(pages) + "页") != std::string::npos);
  CHECK(text.find("1983") != std::string::npos);
  CHECK(text.find("2018") != std::string::npos);
  CHECK(text.find("合计") != std::string::npos);
  CHECK(text.find("个人账户累计储存额") != std::string::npos);
  // Every page carries the seal.
  for (int page = 1; page <= pages; ++page) {
    CAPTURE(page);
    const auto codes = readQrCodes(renderWithPoppler(pdf, page, 150));
    REQUIRE(codes.size() == 1);
    CHECK(onestop::core::classifyCode(codes[0]).value == c.seal);
  }
}

TEST_CASE("a rare name prints with real glyphs and the raster matches the PDF's page size") {
  const auto c = loadFixture("participation-rare-name");
  const auto& ts = renderer().typesetter();
  for (bool bold : {false, true}) {
    auto layout = ts.layout(c.holder.name, {11, bold});
    CHECK(Typesetter::missingGlyphs(layout.get()) == 0);
  }
  auto png = renderer().png(c, 0, 100);
  REQUIRE_MESSAGE(png.ok(), png.error());
  CHECK(png.value().substr(1, 3) == "PNG");
  auto raster = renderer().raster(c, 0, 72);
  REQUIRE(raster.ok());
  CHECK(raster->width == 595);
  CHECK(raster->height == 842);
  CHECK_FALSE(renderer().raster(c, 1, 72).ok());   // a one-page certificate has no page 2
}

TEST_CASE("every glyph of the PDF renders in poppler as it does in Cairo") {
  // Guards against font subsetting faults: a glyph whose outline is lost in the PDF's
  // embedded subset prints blank, though the text layer still reads right.
  TempDir dir;
  for (std::string name : {"participation-worker", "participation-rare-name", "benefit-retiree", "rights-record-retiree"}) {
    CAPTURE(name);
    const auto c = loadFixture(name);
    const auto pdf = writePdf(dir, name, c);
    auto direct = renderer().raster(c, 0, 100);
    REQUIRE(direct.ok());
    const auto viaPdf = renderWithPoppler(pdf, 1, 100);
    // 15 px at 100 dpi is 3.8 mm, one 11 pt character.
    const auto differences = inkDifferences(toGrey(direct.value()), viaPdf, 15);
    for (const auto& d : differences) MESSAGE(d);
    CHECK(differences.empty());
  }
}

TEST_CASE("a seal too long for a QR code is an error, not a crash") {
  auto c = loadFixture("participation-worker");
  c.seal = std::string(5000, 'A');
  CHECK_FALSE(renderer().pdf(c).ok());
}

TEST_CASE("the longest verification URL with the longest seal still prints a QR code that reads back") {
  auto created = CertificateRenderer::create({.verifyUrl = "https://" + std::string(43, 'v') + ".gov.cn/check"});
  REQUIRE_MESSAGE(created.ok(), created.error());
  auto c = loadFixture("participation-worker");
  c.seal.insert(c.seal.rfind('.') + 1, 250 - c.seal.size(), 'A');   // the 250-character limit
  REQUIRE(c.seal.size() == 250);
  auto pdf = created.value().pdf(c);
  REQUIRE_MESSAGE(pdf.ok(), pdf.error());
  TempDir dir;
  const auto path = dir.path / "long.pdf";
  std::ofstream(path, std::ios::binary) << pdf.value();
  const auto codes = readQrCodes(renderWithPoppler(path, 1, 150));
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].size() == 64 + 3 + 250);
  CHECK(onestop::core::classifyCode(codes[0]).value == c.seal);
}

TEST_CASE("a verification URL that is not plain https is refused when the renderer is made") {
  for (const std::string& url : {std::string("http://verify.example"), std::string("https://a.example/?q=1"), std::string(),
                                 "https://" + std::string(80, 'a')}) {
    CAPTURE(url);
    auto created = CertificateRenderer::create({.verifyUrl = url});
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().find("verify URL") != std::string::npos);
  }
}
