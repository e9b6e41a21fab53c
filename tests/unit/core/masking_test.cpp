#include <doctest/doctest.h>

#include <cstring>

#include "core/identity.hpp"
#include "core/masking.hpp"
#include "core/secure_wipe.hpp"

using namespace onestop::core;

TEST_CASE("ID numbers keep the first 6 and last 4 characters") {
  CHECK(maskIdNumber("11010519491231002X") == "110105********002X");
  CHECK(maskIdNumber("CAN110085010110") == "CAN110*****0110");
  CHECK(maskIdNumber("1234") == "****");
  CHECK(maskIdNumber("") == "");
}

TEST_CASE("names keep the first and last character") {
  CHECK(maskName("张三") == "张*");
  CHECK(maskName("张小三") == "张*三");
  CHECK(maskName("欧阳小明") == "欧**明");
  CHECK(maskName("张") == "*");
  CHECK(maskName("测试䶮𠈌") == "测**𠈌");   // never splits a 4-byte character
  CHECK(maskName("JOHN SMITH") == "J*** ****H");
  CHECK(maskName("") == "");
}

TEST_CASE("phone numbers keep 3 + 4 digits") {
  CHECK(maskPhone("13800000000") == "138****0000");
  CHECK(maskPhone("88886666") == "****6666");
  CHECK(maskPhone("12345") == "*****");
}

TEST_CASE("wipe overwrites string storage before clearing") {
  std::string s = "11010519491231002X and a long address that lives on the heap";
  const char* data = s.data();
  const std::size_t cap = s.capacity();
  secureWipe(s);
  CHECK(s.empty());
  CHECK(s.data() == data);   // same buffer, now zeroed
  bool allZero = true;
  for (std::size_t i = 0; i < cap; ++i) allZero = allZero && data[i] == '\0';
  CHECK(allZero);
}

TEST_CASE("Identity::wipe empties every personal field") {
  Identity id;
  id.name = "测试张三";
  id.idNumber = "11010519491231002X";
  id.address = "北京市东城区测试路1号";
  id.photo.assign(100, 0x42);
  id.validTo = std::chrono::year{2030} / 1 / 1;
  Identity moved = std::move(id);
  CHECK(id.name.empty());   // NOLINT(bugprone-use-after-move): moved-from is wiped
  CHECK(moved.name == "测试张三");
  moved.wipe();
  CHECK(moved.name.empty());
  CHECK(moved.idNumber.empty());
  CHECK(moved.address.empty());
  CHECK(moved.photo.empty());
  CHECK(moved.longTerm());
}

TEST_CASE("an address keeps its region and two characters of the street") {
  CHECK(maskAddress("北京市东城区景山前街4号", 6) == "北京市东城区景山****");
  CHECK(maskAddress("北京市东城区景山前街4号", 0) == "北京市东城区****");
  CHECK(maskAddress("短地址", 0) == "****");
}

TEST_CASE("the region of a one-line address is found by its division suffixes") {
  CHECK(regionPrefixChars("北京市东城区景山前街4号") == 6);
  CHECK(regionPrefixChars("北京市市辖区东城区景山前街4号") == 9);
  CHECK(regionPrefixChars("测试省测试市测试区测试路88号3单元501室") == 9);
  CHECK(regionPrefixChars("内蒙古自治区呼和浩特市新城区中山东路") == 14);
  // A 市 far into the street is not a region.
  CHECK(regionPrefixChars("北京市东城区景山前街甲一号院新市场") == 6);
  CHECK(regionPrefixChars("no region here") == 0);
  CHECK(regionPrefixChars("") == 0);
}
