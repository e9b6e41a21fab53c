#include <doctest/doctest.h>

#include "core/id_codes.hpp"
#include "core/id_number.hpp"
#include "core/identity_check.hpp"

using namespace onestop::core;
using namespace std::chrono;

namespace {
constexpr year_month_day kToday{year{2026}, month{11}, day{23}};

std::string withCheck(std::string first17) {
  first17 += idCheckCharacter(first17);
  return first17;
}

Identity mainland() {
  Identity id;
  id.cardType = CardType::Mainland;
  id.name = "测试";
  id.idNumber = "11010519491231002X";
  id.genderCode = 2;
  id.ethnicityCode = 1;
  id.birthDate = year{1949} / 12 / 31;
  id.validFrom = year{2020} / 1 / 1;
  id.validTo = year{2040} / 1 / 1;
  return id;
}
}  // namespace

TEST_CASE("GB 11643 check character reproduces the standard's sample") {
  CHECK(idCheckCharacter("11010519491231002") == 'X');
  CHECK(validateIdNumber("11010519491231002X", kToday) == IdNumberCheck::Valid);
  CHECK(idCheckCharacter("1101051949123100") == '\0');
  CHECK(idCheckCharacter("1101051949123100A") == '\0');
}

TEST_CASE("ID numbers are rejected with a precise reason") {
  CHECK(validateIdNumber("11010519491231002", kToday) == IdNumberCheck::WrongLength);
  CHECK(validateIdNumber("11010519491231002x", kToday) == IdNumberCheck::BadCharacter);
  CHECK(validateIdNumber("1101051949123100X2", kToday) == IdNumberCheck::BadCharacter);
  CHECK(validateIdNumber("110105194912310021", kToday) == IdNumberCheck::BadCheckDigit);
  CHECK(validateIdNumber(withCheck("99010519491231002"), kToday) == IdNumberCheck::BadRegion);
  CHECK(validateIdNumber(withCheck("00010519491231002"), kToday) == IdNumberCheck::BadRegion);
  CHECK(validateIdNumber(withCheck("11010519490230002"), kToday) == IdNumberCheck::BadBirthDate);
  CHECK(validateIdNumber(withCheck("11010518991231002"), kToday) == IdNumberCheck::BadBirthDate);
  CHECK(validateIdNumber(withCheck("11010520271231002"), kToday) == IdNumberCheck::FutureBirthDate);
  CHECK(validateIdNumber(withCheck("11010519491231000"), kToday) == IdNumberCheck::BadSequence);
  CHECK(idNumberCheckKey(IdNumberCheck::BadCheckDigit) == "id_check.bad_check_digit");
}

TEST_CASE("HMT permits and 2023 foreign resident numbers use their own prefixes") {
  CHECK(validateIdNumber(withCheck("81000019900101001"), kToday) == IdNumberCheck::Valid);
  CHECK(validateIdNumber(withCheck("83000019900101001"), kToday) == IdNumberCheck::Valid);
  CHECK(validateIdNumber(withCheck("91112419800101001"), kToday) == IdNumberCheck::Valid);
  CHECK(validateIdNumber(withCheck("99912419800101001"), kToday) == IdNumberCheck::BadRegion);
  CHECK(isProvinceCode(65));
  CHECK_FALSE(isProvinceCode(66));
}

TEST_CASE("birth date and gender come from the number") {
  CHECK(idNumberBirthDate("11010519491231002X") == year_month_day{year{1949}, month{12}, day{31}});
  CHECK(idNumberGenderCode("11010519491231002X") == 2);
  CHECK(idNumberGenderCode(withCheck("11010519491231001")) == 1);
  CHECK_FALSE(idNumberBirthDate("short").has_value());
}

TEST_CASE("identity check: consistent card is accepted") {
  CHECK(checkIdentity(mainland(), kToday).ok());
  Identity longTerm = mainland();
  longTerm.validTo.reset();
  CHECK(checkIdentity(longTerm, kToday).ok());
  Identity lastDay = mainland();
  lastDay.validTo = kToday;
  CHECK(checkIdentity(lastDay, kToday).ok());
}

TEST_CASE("identity check: expiry and failed checks are distinct outcomes") {
  Identity expired = mainland();
  expired.validTo = year{2026} / 11 / 22;
  CHECK(checkIdentity(expired, kToday).outcome == IdentityCheck::Expired);
  CHECK(identityCheckKey(checkIdentity(expired, kToday)) == "identity_check.expired");

  Identity future = mainland();
  future.validFrom = year{2027} / 1 / 1;
  CHECK(checkIdentity(future, kToday).outcome == IdentityCheck::NotYetValid);

  Identity badCheck = mainland();
  badCheck.idNumber = "110105194912310021";
  const auto r = checkIdentity(badCheck, kToday);
  CHECK(r.outcome == IdentityCheck::InvalidIdNumber);
  CHECK(r.idNumber == IdNumberCheck::BadCheckDigit);
  CHECK(identityCheckKey(r) == "id_check.bad_check_digit");

  Identity birth = mainland();
  birth.birthDate = year{1949} / 12 / 30;
  CHECK(checkIdentity(birth, kToday).outcome == IdentityCheck::BirthDateMismatch);

  Identity gender = mainland();
  gender.genderCode = 1;
  CHECK(checkIdentity(gender, kToday).outcome == IdentityCheck::GenderMismatch);

  Identity hmt = mainland();
  hmt.cardType = CardType::HmtPermit;
  CHECK(checkIdentity(hmt, kToday).outcome == IdentityCheck::CardTypeMismatch);

  Identity empty = mainland();
  empty.name.clear();
  CHECK(checkIdentity(empty, kToday).outcome == IdentityCheck::MissingField);
}

TEST_CASE("identity check: 2017 foreign card numbers are checked for shape") {
  Identity f;
  f.cardType = CardType::Foreign2017;
  f.englishName = "TEST, SAMPLE";
  f.idNumber = "CAN110085010110";
  f.birthDate = year{1985} / 1 / 1;
  f.validFrom = year{2020} / 1 / 1;
  f.validTo = year{2030} / 1 / 1;
  CHECK(checkIdentity(f, kToday).ok());
  f.idNumber = "CA1110085010110";
  CHECK(checkIdentity(f, kToday).outcome == IdentityCheck::InvalidIdNumber);
}

TEST_CASE("gender and ethnicity code tables") {
  CHECK(genderKey(1) == "gender.male");
  CHECK(genderKey(2) == "gender.female");
  CHECK(genderKey(7) == "gender.unknown");
  CHECK(genderNameZh(9) == "未说明");
  CHECK(ethnicityNameZh(1) == "汉");
  CHECK(ethnicityNameZh(46) == "德昂");
  CHECK(ethnicityNameZh(56) == "基诺");
  CHECK(ethnicityNameZh(57) == "其他");
  CHECK(ethnicityNameZh(0) == "其他");
  CHECK(ethnicityNameZh(98) == "外国血统中国籍人士");
  CHECK(ethnicityKey(1) == "ethnicity.01");
  CHECK(ethnicityKey(56) == "ethnicity.56");
  CHECK(ethnicityKey(57) == "ethnicity.97");
  CHECK(ethnicityKey(98) == "ethnicity.98");
}

TEST_CASE("the identity domain lists its i18n keys once each") {
  const auto keys = idCardI18nKeys();
  CHECK(keys.size() == 4 + 4 + 58 + 8 + 7 + 3);
  for (std::size_t i = 0; i < keys.size(); ++i)
    for (std::size_t j = i + 1; j < keys.size(); ++j) CHECK(keys[i] != keys[j]);
}
