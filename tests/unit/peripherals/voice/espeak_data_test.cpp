// Checking espeak-ng data before espeak-ng sees it (it would silently fall back to its
// default path), and choosing a voice for a UI locale.
#include <doctest/doctest.h>

#include "voice/espeak_engine.hpp"
#include "voice/language.hpp"
#include "voice_test_support.hpp"

using namespace onestop::voice;
using namespace onestop::voice::test;

namespace {

const std::filesystem::path kDebianData = "/usr/lib/x86_64-linux-gnu/espeak-ng-data";

}  // namespace

TEST_CASE("the installed espeak-ng data has both voices") {
  const auto data = inspectEspeakData(kDebianData);
  CHECK(data.usable());
  CHECK(data.mandarin);
  CHECK(data.english);
  CHECK(voiceName(Language::Mandarin) == "cmn");
  CHECK(voiceName(Language::English) == "en");
}

TEST_CASE("a directory without phoneme data is reported as unusable") {
  TempDir empty;
  CHECK(inspectEspeakData(empty.path()).problem == "no phontab in " + empty.path().string());
  CHECK(inspectEspeakData(empty.path() / "missing").problem == "no directory " + (empty.path() / "missing").string());
}

TEST_CASE("UI locales map to the Mandarin or English voice") {
  CHECK(languageForLocale("zh-CN") == Language::Mandarin);
  CHECK(languageForLocale("zh-TW") == Language::Mandarin);
  CHECK(languageForLocale("zh") == Language::Mandarin);
  CHECK(languageForLocale("en") == Language::English);
  CHECK(languageForLocale("en_GB") == Language::English);
  CHECK_FALSE(languageForLocale("ug-CN"));
  CHECK_FALSE(languageForLocale(""));
}
