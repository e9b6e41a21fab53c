#include <doctest/doctest.h>

#include <string>

#include "core/code_payload.hpp"

using namespace onestop::core;

namespace {
// docs/seal.md test vector.
constexpr std::string_view kSeal =
    "OSS1.k2025a.C2025011500000123.P.1736900000.1744676000.5bygKuS4iQ.110105********002X."
    "-7reftFdBWDQo2lHqBm9XQ."
    "TtJDTekDZojgXZSH-6h_4KHI7hoNSdyqEBKFFUYd32uVQsjmNbQMDa5B41ZisOsr7AisoHawz6nNco62nSMgBQ";
// 202501150000012 + Luhn digit.
const std::string kAcceptance = std::string("202501150000012") + luhnCheckDigit("202501150000012");
}  // namespace

TEST_CASE("e-SSC tokens are ESSC1. and 32 upper-case hex digits") {
  const auto c = classifyCode("ESSC1.0123456789ABCDEF0123456789ABCDEF");
  CHECK(c.kind == CodeKind::EsscToken);
  CHECK(c.value == "ESSC1.0123456789ABCDEF0123456789ABCDEF");
  CHECK(c.reason.empty());
  CHECK(classifyCode("ESSC1.0123456789abcdef0123456789ABCDEF").kind == CodeKind::Unusable);   // lower case
  CHECK(classifyCode("ESSC1.0123456789ABCDEF0123456789ABCDE").kind == CodeKind::Unusable);    // 31
  CHECK(classifyCode("ESSC1.0123456789ABCDEF0123456789ABCDEF0").kind == CodeKind::Unusable);  // 33
  CHECK(classifyCode("ESSC2.0123456789ABCDEF0123456789ABCDEF").kind == CodeKind::Unusable);   // unknown version
}

TEST_CASE("certificate seals are recognised by shape") {
  const auto c = classifyCode(kSeal);
  CHECK(c.kind == CodeKind::CertificateSeal);
  CHECK(c.value == kSeal);
  CHECK(classifyCode("OSS1.a.b.c").kind == CodeKind::Unusable);   // not ten fields
  std::string tooLong(kSeal);
  tooLong.insert(20, 60, 'A');
  CHECK(classifyCode(tooLong).reason.find("250") != std::string::npos);
  std::string badChar(kSeal);
  badChar[12] = '+';
  CHECK(classifyCode(badChar).kind == CodeKind::Unusable);
}

TEST_CASE("a certificate's verification link gives back its seal") {
  const auto link = certificateLink("https://verify.example.gov.cn/", kSeal);
  CHECK(link == "https://verify.example.gov.cn/v/" + std::string(kSeal));
  const auto c = classifyCode(link);
  CHECK(c.kind == CodeKind::CertificateSeal);
  CHECK(c.value == kSeal);
  CHECK(classifyCode(certificateLink("https://127.0.0.1:8444/hall", kSeal)).value == kSeal);
  // A link to anything else, or with a seal that is not one, is unusable.
  CHECK(classifyCode("https://verify.example.gov.cn/v/").kind == CodeKind::Unusable);
  CHECK(classifyCode("https://verify.example.gov.cn/").kind == CodeKind::Unusable);
  CHECK(classifyCode("https://example.com/v/OSS1.a.b").kind == CodeKind::Unusable);
  CHECK(classifyCode("http://verify.example.gov.cn/v/" + std::string(kSeal)).kind == CodeKind::Unusable);
  CHECK(classifyCode("https:///v/" + std::string(kSeal)).kind == CodeKind::Unusable);
}

TEST_CASE("a hall's verification URL is plain https without query or fragment") {
  CHECK(isUsableVerifyUrl("https://verify.example.gov.cn"));
  CHECK(isUsableVerifyUrl("https://127.0.0.1:8444/"));
  CHECK(isUsableVerifyUrl("https://si.example.gov.cn/verify-pages"));
  CHECK_FALSE(isUsableVerifyUrl("http://verify.example.gov.cn"));
  CHECK_FALSE(isUsableVerifyUrl("https://"));
  CHECK_FALSE(isUsableVerifyUrl("https://a.example/?x=1"));
  CHECK_FALSE(isUsableVerifyUrl("https://a.example/#top"));
  CHECK_FALSE(isUsableVerifyUrl("https://user@a.example/"));
  CHECK_FALSE(isUsableVerifyUrl("https://a.example/ b"));
  CHECK_FALSE(isUsableVerifyUrl("https://" + std::string(60, 'a') + ".cn"));
}

TEST_CASE("receipts carry a 16-digit acceptance number with a Luhn digit") {
  CHECK(luhnCheckDigit("7992739871") == '3');   // the textbook example
  CHECK(isWellFormedAcceptanceNumber(kAcceptance));
  const auto c = classifyCode("OSR1." + kAcceptance);
  CHECK(c.kind == CodeKind::Receipt);
  CHECK(c.value == kAcceptance);
  CHECK(classifyCode(kAcceptance).kind == CodeKind::Receipt);   // a bare number, as a barcode gives it
  std::string wrong = kAcceptance;
  wrong[15] = wrong[15] == '9' ? '0' : static_cast<char>(wrong[15] + 1);
  CHECK(classifyCode("OSR1." + wrong).reason == "receipt: wrong check digit");
  CHECK(classifyCode(wrong).kind == CodeKind::Unusable);
  CHECK(classifyCode("OSR1." + kAcceptance.substr(1)).kind == CodeKind::Unusable);
  CHECK(classifyCode("OSR1." + kAcceptance + "0").kind == CodeKind::Unusable);
}

TEST_CASE("queue tickets carry a day and a number") {
  const auto c = classifyCode("OSQ1.20250115.A012");
  CHECK(c.kind == CodeKind::QueueTicket);
  CHECK(c.value == "A012");
  CHECK(c.day == "2025-01-15");
  CHECK(classifyCode("OSQ1.20250230.A012").kind == CodeKind::Unusable);   // no such day
  CHECK(classifyCode("OSQ1.20250115.A000").kind == CodeKind::Unusable);
  CHECK(classifyCode("OSQ1.20250115.a012").kind == CodeKind::Unusable);
  CHECK(classifyCode("OSQ1.20250115.A0123").kind == CodeKind::Unusable);
  CHECK(classifyCode("OSQ1.2025011.A0123").kind == CodeKind::Unusable);
}

TEST_CASE("anything else is unusable and the reason never quotes the text") {
  for (std::string text : {std::string("https://example.com/x"), std::string("hello"), std::string(""),
                           std::string("OSS1"), std::string(600, 'A'), std::string("ESSC1. 0123"),
                           std::string("二维码"), std::string("A\0B", 3), std::string("OSR1.\n")}) {
    const auto c = classifyCode(text);
    CHECK(c.kind == CodeKind::Unusable);
    CHECK(c.value.empty());
    CHECK_FALSE(c.reason.empty());
    if (text.size() > 4) CHECK(c.reason.find(text) == std::string::npos);
  }
  CHECK(nameOf(CodeKind::Unusable) == "unusable");
  CHECK(nameOf(CodeKind::CertificateSeal) == "certificate_seal");
}

TEST_CASE("kiosk codes have no surrounding whitespace") {
  CHECK(classifyCode("OSQ1.20250115.A012\n").kind == CodeKind::Unusable);
  CHECK(classifyCode(" ESSC1.0123456789ABCDEF0123456789ABCDEF").kind == CodeKind::Unusable);
}
