#include <doctest/doctest.h>

#include "idcard/sim/card_image.hpp"
#include "idcard/text_block.hpp"

using namespace onestop::peripherals::idcard;
using namespace std::chrono;
using onestop::core::CardType;

namespace {
std::vector<std::uint8_t> utf16(std::u16string_view s) {
  std::vector<std::uint8_t> out;
  for (char16_t c : s) {
    out.push_back(static_cast<std::uint8_t>(c & 0xFF));
    out.push_back(static_cast<std::uint8_t>(c >> 8));
  }
  return out;
}

sim::DemoCard mainlandCard() {
  sim::DemoCard c;
  c.type = "mainland";
  c.name = "测试䶮𠈌";
  c.gender = 2;
  c.ethnicity = 57;
  c.birthDate = "1949-12-31";
  c.address = "北京市东城区测试路1号";
  c.idNumber = "11010519491231002X";
  c.issuingAuthority = "北京市公安局东城分局";
  c.validFrom = "2010-01-01";
  c.validTo = "long-term";
  return c;
}
}  // namespace

TEST_CASE("UTF-16LE decoding joins surrogate pairs and trims padding") {
  CHECK(decodeUtf16le(utf16(u"张三  ")) == "张三");
  CHECK(decodeUtf16le(utf16(u"\xD840\xDE0C")) == "\xF0\xA0\x88\x8C");   // U+2020C 𠈌
  CHECK(decodeUtf16le(utf16(u"\x4DAE")) == "䶮");
  CHECK(decodeUtf16le(utf16(u"")) == "");
  CHECK_FALSE(decodeUtf16le(utf16(u"\xD840")).has_value());            // lone high surrogate
  CHECK_FALSE(decodeUtf16le(utf16(u"\xDE0C\xD840")).has_value());      // reversed pair
  CHECK_FALSE(decodeUtf16le(utf16(u"a\x0001")).has_value());           // control character
  const std::vector<std::uint8_t> odd{0x41, 0x00, 0x42};
  CHECK_FALSE(decodeUtf16le(odd).has_value());
}

TEST_CASE("UTF-16LE field encoding pads with spaces and refuses overflow") {
  const auto f = encodeUtf16leField("𠈌", 8);
  REQUIRE(f);
  CHECK(f->size() == 8);
  CHECK(static_cast<unsigned char>((*f)[0]) == 0x40);
  CHECK(static_cast<unsigned char>((*f)[1]) == 0xD8);
  CHECK((*f)[4] == ' ');
  CHECK_FALSE(encodeUtf16leField("一二三四五", 8).has_value());
}

TEST_CASE("mainland text block decodes every field, rare characters and 长期 included") {
  const auto block = sim::encodeTextBlock(mainlandCard());
  REQUIRE(block.ok());
  const auto r = decodeTextBlock(block.value());
  REQUIRE(r.error == TextBlockError::None);
  const auto& id = r.identity;
  CHECK(id.cardType == CardType::Mainland);
  CHECK(id.name == "测试䶮𠈌");
  CHECK(id.genderCode == 2);
  CHECK(id.ethnicityCode == 57);
  CHECK(id.birthDate == year_month_day{year{1949}, month{12}, day{31}});
  CHECK(id.address == "北京市东城区测试路1号");
  CHECK(id.idNumber == "11010519491231002X");
  CHECK(id.issuingAuthority == "北京市公安局东城分局");
  CHECK(id.validFrom == year_month_day{year{2010}, month{1}, day{1}});
  CHECK(id.longTerm());
}

TEST_CASE("HMT, foreign 2017 and foreign 2023 layouts") {
  sim::DemoCard j = mainlandCard();
  j.type = "hmtPermit";
  j.name = "测试陈";
  j.idNumber = "810000199204200138";
  j.passNumber = "H01234567";
  j.issueCount = 3;
  j.validTo = "2029-06-30";
  auto rj = decodeTextBlock(sim::encodeTextBlock(j).value());
  REQUIRE(rj.error == TextBlockError::None);
  CHECK(rj.identity.cardType == CardType::HmtPermit);
  CHECK(rj.identity.passNumber == "H01234567");
  CHECK(rj.identity.issueCount == 3);
  CHECK(rj.identity.ethnicityCode == 0);
  CHECK(rj.identity.validTo == year_month_day{year{2029}, month{6}, day{30}});

  sim::DemoCard i;
  i.type = "foreign2017";
  i.englishName = "TESTPERSON, JOHN SAMPLE";
  i.name = "测试约翰";
  i.gender = 1;
  i.nationality = "CAN";
  i.idNumber = "CAN110085010110";
  i.birthDate = "1985-01-01";
  i.validFrom = "2019-04-01";
  i.validTo = "2029-04-01";
  i.issuingAuthority = "1100";
  auto ri = decodeTextBlock(sim::encodeTextBlock(i).value());
  REQUIRE(ri.error == TextBlockError::None);
  CHECK(ri.identity.cardType == CardType::Foreign2017);
  CHECK(ri.identity.englishName == "TESTPERSON, JOHN SAMPLE");
  CHECK(ri.identity.name == "测试约翰");
  CHECK(ri.identity.nationality == "CAN");
  CHECK(ri.identity.idNumber == "CAN110085010110");
  CHECK(ri.identity.birthDate == year_month_day{year{1985}, month{1}, day{1}});
  CHECK(ri.identity.issuingAuthority == "1100");

  sim::DemoCard y;
  y.type = "foreign2023";
  y.name = "测试玛丽";
  y.englishName = "TESTPERSON-LONGNAME, MARIE ELISABETH ALEXANDRA";   // 46 characters
  y.gender = 2;
  y.nationality = "FRA";
  y.idNumber = "931250199002150024";
  y.birthDate = "1990-02-15";
  y.validFrom = "2024-01-15";
  y.validTo = "2034-01-15";
  auto ry = decodeTextBlock(sim::encodeTextBlock(y).value());
  REQUIRE(ry.error == TextBlockError::None);
  CHECK(ry.identity.cardType == CardType::Foreign2023);
  CHECK(ry.identity.englishName == y.englishName);
  CHECK(ry.identity.nationality == "FRA");
  CHECK(ry.identity.name == "测试玛丽");
}

TEST_CASE("corrupt text blocks are refused with the field named, never half filled") {
  auto block = sim::encodeTextBlock(mainlandCard()).value();
  auto bad = block;
  bad[36] = 'x';   // birth date
  auto r = decodeTextBlock(bad);
  CHECK(r.error == TextBlockError::BadDate);
  CHECK(r.field == "birthDate");
  CHECK(r.identity.name.empty());
  CHECK(r.identity.idNumber.empty());

  bad = block;
  bad[kTypeFlagOffset] = 'Q';
  CHECK(decodeTextBlock(bad).error == TextBlockError::UnknownCardType);

  bad = block;
  bad[0] = 0x00;
  bad[1] = 0xD8;   // lone surrogate in the name
  r = decodeTextBlock(bad);
  CHECK(r.error == TextBlockError::BadEncoding);
  CHECK(r.field == "name");

  bad = block;
  bad[30] = 'M';   // gender must be a digit
  CHECK(decodeTextBlock(bad).error == TextBlockError::BadCode);
}

TEST_CASE("the sample photo decoder returns the 102x126 placeholder only for simulator blobs") {
  const auto& bmp = sim::placeholderPhotoBmp();
  REQUIRE(bmp.size() > 54);
  CHECK(bmp[0] == 'B');
  CHECK(bmp[1] == 'M');
  CHECK((bmp[18] | (bmp[19] << 8)) == 102);
  CHECK((bmp[22] | (bmp[23] << 8)) == 126);
  auto dec = sim::makeSamplePhotoDecoder();
  const auto wlt = sim::dummyWlt(mainlandCard());
  CHECK(dec->decode(wlt).ok());
  std::vector<std::uint8_t> other(1024, 0);
  CHECK_FALSE(dec->decode(other).ok());
}
