// central/web/i18n/*.json against the pages' sources: the same keys in every language, the
// same placeholders, every key the code uses present, every catalog key used.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <doctest/doctest.h>

#include "core/service_catalogue.hpp"
#include "web/texts.hpp"

namespace onestop::central::web::test {
namespace {

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string allSources() {
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ONESTOP_SOURCE_ROOT) + "/central/web")) {
    const auto ext = entry.path().extension();
    if (ext == ".cpp" || ext == ".hpp") text += readFile(entry.path()) + "\n";
  }
  return text;
}

std::set<std::string> matches(const std::string& text, const std::regex& pattern) {
  std::set<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) found.insert((*it)[1]);
  return found;
}

std::set<std::string> serviceIds() {
  std::set<std::string> ids;
  for (const auto& s : core::serviceCatalogue()) ids.insert(std::string(s.id));
  return ids;
}

// Keys built at run time with t.of(family, value), and every value the code can pass.
const std::map<std::string, std::set<std::string>>& dynamicFamilies() {
  static const std::map<std::string, std::set<std::string>> families = {
      {"certificate", {"participation", "rights_record", "benefit"}},
      {"role", {"reviewer", "supervisor", "auditor"}},
      {"state", {"accepted", "in_review", "first_review_done", "approved", "rejected", "completed"}},
      {"review.done", {"approved", "completed", "rejected", "first_review_done"}},
      {"service", serviceIds()},
      {"device_status", {"online", "offline", "powerOff", "noDevice", "hardwareError", "userError", "busy"}},
      {"level", {"1", "2", "3", "4", "5"}},
      {"complaint_category", {"complaint", "suggestion"}},
      {"complaint_state", {"open", "in_progress", "closed"}},
      {"actor_kind", {"kiosk", "staff", "system", "public"}},
      {"verify.verdict", {"genuine", "expired", "revoked", "not_genuine", "no_such_code", "cannot_check"}},
      {"verify.explain", {"genuine", "expired", "revoked", "not_genuine", "no_such_code", "cannot_check"}},
  };
  return families;
}

std::set<std::string> placeholders(const std::string& text) {
  return matches(text, std::regex(R"(\{([1-9])\})"));
}

}  // namespace

TEST_CASE("every web catalog has the same keys and placeholders as zh-CN") {
  const auto zh = catalogKeys(Language::ZhCN);
  const auto en = catalogKeys(Language::En);
  REQUIRE_FALSE(zh.empty());
  CHECK(zh == en);
  const Texts tz(Language::ZhCN), te(Language::En);
  for (const auto& key : zh) {
    CAPTURE(key);
    CHECK(placeholders(tz(key)) == placeholders(te(key)));
    CHECK_FALSE(te(key).empty());
  }
}

TEST_CASE("every key the web pages use is in the catalogs, and every catalog key is used") {
  const auto sources = allSources();
  const auto keys = catalogKeys(Language::ZhCN);
  const std::set<std::string> catalog(keys.begin(), keys.end());
  std::set<std::string> families;  // first segments of catalog keys: "verify", "error", …
  for (const auto& key : catalog) families.insert(key.substr(0, key.find('.')));

  const auto usedFamilies = matches(sources, std::regex(R"re(\.of\("([a-z0-9_.]+)")re"));
  for (const auto& family : usedFamilies) {
    CAPTURE(family);
    REQUIRE_MESSAGE(dynamicFamilies().count(family) == 1, "list the values of this family in the test");
    for (const auto& value : dynamicFamilies().at(family)) {
      CAPTURE(value);
      CHECK(catalog.count(family + "." + value) == 1);
    }
  }

  const auto literals = matches(sources, std::regex(R"re("([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)")re"));
  for (const auto& literal : literals) {
    if (families.count(literal.substr(0, literal.find('.'))) == 0) continue;  // not a text key
    if (usedFamilies.count(literal)) continue;
    CAPTURE(literal);
    CHECK_MESSAGE(catalog.count(literal) == 1, "used in central/web but missing from the catalogs");
  }

  for (const auto& key : catalog) {
    bool used = literals.count(key) == 1;
    for (const auto& family : usedFamilies) used = used || key.rfind(family + ".", 0) == 0;
    CAPTURE(key);
    CHECK_MESSAGE(used, "in the catalogs but used nowhere in central/web");
  }
}

TEST_CASE("a key missing from every catalog shows as itself, and placeholders are filled") {
  const Texts t(Language::En);
  CHECK(t("no.such.key") == "no.such.key");
  CHECK(t("format.date", {"2026", "01", "05"}) == "2026-01-05");
  CHECK(Texts(Language::ZhCN)("format.date", {"2026", "01", "05"}) == "2026年01月05日");
}

}  // namespace onestop::central::web::test
