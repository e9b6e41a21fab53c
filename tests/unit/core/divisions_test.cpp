// The administrative divisions of the address filing: the shipped file parses, and a file
// that is wrong anywhere is refused whole (the kiosk then says the address filing is
// unavailable rather than offering half a country).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/divisions.hpp"

using namespace onestop::core;

TEST_CASE("the shipped divisions: provinces, prefectures and counties, municipalities in two levels") {
  std::ifstream in(std::string(ONESTOP_SOURCE_ROOT) + "/assets/divisions/divisions.tsv");
  REQUIRE(in);
  std::stringstream buf;
  buf << in.rdbuf();
  auto d = Divisions::parse(buf.str());
  REQUIRE_MESSAGE(d.ok(), d.error());
  CHECK(d->size() > 3000);
  CHECK(d->children("").size() == 31);
  const auto* beijing = d->find("110000");
  REQUIRE(beijing);
  CHECK(beijing->name == "北京市");
  const auto districts = d->children("110000");
  REQUIRE_FALSE(districts.empty());
  CHECK(districts[0]->name == "东城区");
  CHECK_FALSE(d->hasChildren("110101"));
  CHECK(d->hasChildren("440300"));    // 深圳市
  CHECK_FALSE(d->hasChildren("441900"));   // 东莞市 has no counties: the last level
  for (const auto* p : d->children("")) CHECK(d->hasChildren(p->code));
}

TEST_CASE("a broken divisions file is refused whole, naming the line") {
  const std::string good = "# comment\n110000\t北京市\t\n110101\t东城区\t110000\n";
  CHECK(Divisions::parse(good).ok());
  CHECK(Divisions::parse("").error().find("no provinces") != std::string::npos);
  CHECK(Divisions::parse(good + "11010\t短\t110000\n").error().find("line 4") != std::string::npos);
  CHECK_FALSE(Divisions::parse(good + "110102\t西城区\n").ok());              // two fields
  CHECK_FALSE(Divisions::parse(good + "110102\t西城区\t110000\tx\n").ok());   // four
  CHECK_FALSE(Divisions::parse(good + "110102\t\t110000\n").ok());            // no name
  CHECK_FALSE(Divisions::parse(good + "110102\t\xff\xfe\t110000\n").ok());    // not UTF-8
  CHECK_FALSE(Divisions::parse(good + "110101\t又一个\t110000\n").ok());      // duplicate
  CHECK_FALSE(Divisions::parse(good + "120101\t和平区\t120000\n").ok());      // unknown parent
  CHECK_FALSE(Divisions::parse(good + "110102\t西城区\t110000\r\n").ok());    // CRLF: parent not 6 digits
}
