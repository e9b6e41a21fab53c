#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/id_codes.hpp"
#include "core/service_catalogue.hpp"
#include "i18n/catalogs.hpp"
#include "i18n/formatting.hpp"

using namespace onestop;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = ONESTOP_SOURCE_ROOT;

i18n::Catalogs load() {
  auto c = i18n::Catalogs::load(kRoot / "i18n");
  REQUIRE_MESSAGE(c.ok(), c.error());
  return std::move(c.value());
}

// Every "key"_k literal in the kiosk's sources.
std::set<std::string> keysUsedInCode() {
  std::set<std::string> used;
  const std::regex lit(R"re("([^"\\]+)"_k)re");
  for (const auto& e : fs::recursive_directory_iterator(kRoot / "kiosk")) {
    const auto ext = e.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    std::ifstream in(e.path());
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string s = buf.str();
    for (std::sregex_iterator it(s.begin(), s.end(), lit), end; it != end; ++it) used.insert((*it)[1]);
  }
  used.erase("key");   // the literal operator's own doc comment
  return used;
}

// Keys other modules hand to the UI: the service catalogue, and what an ID card read can
// report. Gender and ethnicity are read from cards but never shown (data minimisation).
std::set<std::string> keysFromDomain() {
  std::set<std::string> keys;
  for (const auto& k : core::catalogueI18nKeys()) keys.insert(k);
  for (auto k : core::idCardI18nKeys())
    if (k.rfind("gender.", 0) != 0 && k.rfind("ethnicity.", 0) != 0) keys.emplace(k);
  return keys;
}

// Keys built at run time from a prefix and a number.
bool isDynamicKey(const std::string& k) {
  return k.rfind("weekday.", 0) == 0 || k.rfind("month.", 0) == 0;
}

}  // namespace

TEST_CASE("languages index lists zh-CN first as default, then en and zh-TW") {
  auto c = load();
  CHECK(c.defaultLanguage() == "zh-CN");
  REQUIRE(c.languages().size() >= 3);
  CHECK(c.languages()[0].code == "zh-CN");
  CHECK(c.language("en"));
  CHECK(c.language("zh-TW"));
  CHECK(c.language("zh-TW")->nativeName == "繁體中文");
}

TEST_CASE("every key used in code or by the service catalogue exists in every catalog") {
  auto c = load();
  auto used = keysUsedInCode();
  CHECK(used.size() > 30);
  used.merge(keysFromDomain());
  for (const auto& lang : c.languages()) {
    const auto keys = c.keys(lang.code);
    const std::set<std::string> have(keys.begin(), keys.end());
    for (const auto& k : used) {
      CAPTURE(lang.code);
      CAPTURE(k);
      CHECK(have.count(k) == 1);
    }
  }
}

TEST_CASE("no catalog has keys the code never uses") {
  auto c = load();
  auto used = keysUsedInCode();
  used.merge(keysFromDomain());
  for (const auto& lang : c.languages())
    for (const auto& k : c.keys(lang.code)) {
      CAPTURE(lang.code);
      CAPTURE(k);
      CHECK((used.count(k) == 1 || isDynamicKey(k)));
    }
}

TEST_CASE("all catalogs have the same keys") {
  auto c = load();
  const auto base = c.keys("zh-CN");
  for (const auto& lang : c.languages()) CHECK(c.keys(lang.code) == base);
}

TEST_CASE("lookup falls back, and a missing key shows itself rather than blank") {
  auto c = load();
  CHECK(c.text("en", "common.back") == "Back");
  CHECK(c.text("zh-TW", "common.back") == "返回");
  CHECK(c.text("en", "no.such.key") == "no.such.key");
  CHECK(c.find("en", "no.such.key") == nullptr);
}

TEST_CASE("dates and numbers follow the language") {
  auto c = load();
  const i18n::CivilDate d{2026, 11, 23, 1};
  CHECK(i18n::Translator(c, "zh-CN").date(d) == "2026年11月23日 星期一");
  CHECK(i18n::Translator(c, "en").date(d) == "Monday 23 November 2026");
  CHECK(i18n::Translator(c, "zh-TW").date(d) == "2026年11月23日 星期一");
  CHECK(i18n::Translator(c, "en").number(1234567) == "1,234,567");
  CHECK(i18n::Translator(c, "zh-CN").money(123450) == "1,234.50元");
  CHECK(i18n::Translator(c, "en").money(-5) == "CNY -0.05");
  CHECK(i18n::Translator(c, "en").time(9, 5) == "09:05");
}

TEST_CASE("placeholders: known names filled, unknown kept, braces escaped") {
  CHECK(i18n::substitute("{a} and {b} {{x}}", {{"a", "1"}}) == "1 and {b} {x}");
  CHECK(i18n::substitute("{unterminated", {}) == "{unterminated");
}

TEST_CASE("a broken catalog is refused with a message naming the file") {
  const fs::path dir = fs::temp_directory_path() / "onestop-i18n-bad";
  fs::create_directories(dir);
  std::ofstream(dir / "languages.json") << R"({"default":"xx","languages":[{"code":"xx","name":"X"}]})";
  std::ofstream(dir / "xx.json") << R"({"a": "ok", "b": 5})";
  auto c = i18n::Catalogs::load(dir);
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().find("xx.json") != std::string::npos);
  CHECK(c.error().find("\"b\"") != std::string::npos);
  std::ofstream(dir / "xx.json") << R"({"a": "ok",)";
  auto c2 = i18n::Catalogs::load(dir);
  REQUIRE_FALSE(c2.ok());
  CHECK(c2.error().find("xx.json") != std::string::npos);
  fs::remove_all(dir);
}
