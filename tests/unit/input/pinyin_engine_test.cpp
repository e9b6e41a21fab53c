#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "input/pinyin_engine.hpp"
#include "temp_dir.hpp"

using namespace onestop;
using input::Composition;
using input::Key;
using input::PinyinEngine;
using input::Script;
namespace fs = std::filesystem;

namespace {

input::EngineOptions optionsFor(const fs::path& userDir, Script script = Script::Simplified) {
  input::EngineOptions o;
  o.userDataDir = userDir;
  o.script = script;
  return o;
}

Composition type(PinyinEngine& e, const std::string& letters) {
  Composition c = e.state();
  for (char ch : letters) c = e.apply(Key::letter(ch));
  return c;
}

bool offers(const Composition& c, const std::string& word) {
  return std::find(c.candidates.begin(), c.candidates.end(), word) != c.candidates.end();
}

// A shared data dir holding links to the installed files, minus some: for broken installs.
void linkSharedData(const fs::path& to, bool withCompiled) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator("/usr/share/rime-data")) {
    if (e.path().filename() == "build" && !withCompiled) continue;
    fs::create_directory_symlink(e.path(), to / e.path().filename());
  }
}

}  // namespace

TEST_CASE("typing beijing offers 北京 among the first candidates") {
  test::TempDir dir;
  PinyinEngine e(optionsFor(dir.path()));
  const auto began = std::chrono::steady_clock::now();
  REQUIRE_MESSAGE(e.start(), e.error());
  MESSAGE("first start in a fresh user dir: "
          << std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count() << " s");
  const Composition c = type(e, "beijing");
  CHECK(c.ready);
  CHECK(c.preedit == "bei jing");
  REQUIRE_FALSE(c.candidates.empty());
  CHECK(c.candidates.size() <= 5);
  CHECK(offers(c, "北京"));
  CHECK(c.committed.empty());
}

TEST_CASE("shanghai and space commit 上海") {
  test::TempDir dir;
  PinyinEngine e(optionsFor(dir.path()));
  REQUIRE(e.start());
  CHECK(offers(type(e, "shanghai"), "上海"));
  const Composition c = e.apply(Key::space());
  CHECK(c.committed == "上海");
  CHECK_FALSE(c.composing());
  CHECK(c.candidates.empty());
  // Space with nothing composed is a space.
  CHECK(e.apply(Key::space()).committed == " ");
}

TEST_CASE("Traditional script writes 臺灣 and 北京, and switching back gives 台湾") {
  test::TempDir dir;
  PinyinEngine e(optionsFor(dir.path(), Script::Traditional));
  REQUIRE(e.start());
  const Composition tw = type(e, "taiwan");
  CHECK(offers(tw, "臺灣"));
  CHECK_FALSE(offers(tw, "台湾"));
  CHECK(e.apply(Key::space()).committed == "臺灣");
  CHECK(offers(type(e, "beijing"), "北京"));
  e.clear();

  e.setScript(Script::Simplified);
  const Composition cn = type(e, "taiwan");
  CHECK(offers(cn, "台湾"));
  CHECK_FALSE(offers(cn, "臺灣"));
}

TEST_CASE("backspace takes the last pinyin letter, then asks the field to delete") {
  test::TempDir dir;
  PinyinEngine e(optionsFor(dir.path()));
  REQUIRE(e.start());
  type(e, "xian");
  Composition c = e.apply(Key::backspace());
  CHECK(c.preedit == "xia");
  CHECK(c.deleteLast == 0);
  e.apply(Key::backspace());
  e.apply(Key::backspace());
  c = e.apply(Key::backspace());
  CHECK_FALSE(c.composing());
  CHECK(c.deleteLast == 0);   // the last letter went, the field keeps its text
  c = e.apply(Key::backspace());
  CHECK(c.deleteLast == 1);
  CHECK(c.committed.empty());
}

TEST_CASE("pages move through the candidates and a selection commits from the current page") {
  test::TempDir dir;
  PinyinEngine e(optionsFor(dir.path()));
  REQUIRE(e.start());
  const Composition first = type(e, "jie");
  CHECK(first.page == 0);
  CHECK_FALSE(first.lastPage);
  REQUIRE(first.candidates.size() == 5);
  CHECK(e.apply(Key::previousPage()).page == 0);   // nothing before the first page
  const Composition second = e.apply(Key::nextPage());
  CHECK(second.page == 1);
  REQUIRE(second.candidates.size() >= 2);
  CHECK(second.candidates != first.candidates);
  const Composition third = e.apply(Key::nextPage());
  CHECK(third.page == 2);
  CHECK(e.apply(Key::previousPage()).candidates == second.candidates);
  const Composition chosen = e.apply(Key::select(1));
  CHECK(chosen.committed == second.candidates[1]);
  CHECK_FALSE(chosen.composing());
  // Out of range, or with nothing composed: nothing happens.
  type(e, "jie");
  Composition c = e.apply(Key::select(99));
  CHECK(c.composing());
  CHECK(c.committed.empty());
  e.clear();
  CHECK(e.apply(Key::select(0)).committed.empty());
}

TEST_CASE("the preedit stops growing at 32 letters") {
  test::TempDir dir;
  PinyinEngine e(optionsFor(dir.path()));
  REQUIRE(e.start());
  std::string letters;
  while (letters.size() < input::kMaxPinyinLetters + 8) letters += "zhong";
  const Composition c = type(e, letters);
  std::size_t shown = 0;
  for (char ch : c.preedit) shown += (ch >= 'a' && ch <= 'z');
  CHECK(shown == input::kMaxPinyinLetters);
  CHECK(c.composing());
}

TEST_CASE("literal text commits the composition first, then itself") {
  test::TempDir dir;
  PinyinEngine e(optionsFor(dir.path()));
  REQUIRE(e.start());
  type(e, "hao");
  const Composition c = e.apply(Key::literal("88"));
  CHECK(c.committed == "好88");
  CHECK_FALSE(c.composing());
  CHECK(e.apply(Key::literal("A")).committed == "A");
}

TEST_CASE("clear drops the composition without committing") {
  test::TempDir dir;
  PinyinEngine e(optionsFor(dir.path()));
  REQUIRE(e.start());
  type(e, "lu");
  const Composition c = e.apply(Key::clear());
  CHECK_FALSE(c.composing());
  CHECK(c.committed.empty());
  e.apply(Key::letter('l'));
  e.clear();
  CHECK_FALSE(e.state().composing());
}

TEST_CASE("a missing shared data dir leaves the engine not ready, letters as Latin, no crash") {
  test::TempDir dir;
  input::EngineOptions o = optionsFor(dir.path() / "user");
  o.sharedDataDir = dir.path() / "nowhere";
  PinyinEngine e(o);
  CHECK_FALSE(e.start());
  CHECK_FALSE(e.ready());
  CHECK(e.failed());
  CHECK(e.error().find("nowhere") != std::string::npos);
  const Composition c = e.apply(Key::letter('b'));
  CHECK_FALSE(c.ready);
  CHECK(c.failed);
  CHECK(c.committed == "b");
  CHECK(e.apply(Key::backspace()).deleteLast == 1);
  CHECK_FALSE(e.start());   // stays off
}

TEST_CASE("a shared data dir without the schema names the missing file") {
  test::TempDir dir;
  fs::create_directories(dir.path() / "shared");
  std::ofstream(dir.path() / "shared" / "default.yaml") << "config_version: '0.1'\n";
  input::EngineOptions o = optionsFor(dir.path() / "user");
  o.sharedDataDir = dir.path() / "shared";
  PinyinEngine e(o);
  CHECK_FALSE(e.start());
  CHECK(e.error().find("luna_pinyin.schema.yaml") != std::string::npos);
}

TEST_CASE("an unusable dictionary is caught by librime's own check, not only by file names") {
  test::TempDir dir;
  // Every file present, but the dictionary source is empty and no compiled table exists.
  const fs::path shared = dir.path() / "shared";
  linkSharedData(shared, false);
  fs::remove(shared / "luna_pinyin.dict.yaml");
  std::ofstream(shared / "luna_pinyin.dict.yaml") << "garbage: [\n";
  input::EngineOptions o = optionsFor(dir.path() / "user");
  o.sharedDataDir = shared;
  PinyinEngine e(o);
  CHECK_FALSE(e.start());
  CHECK(e.failed());
  MESSAGE("error: " << e.error());
  CHECK(e.apply(Key::letter('a')).committed == "a");
}

TEST_CASE("a user data dir that cannot be created fails cleanly and frees librime") {
  test::TempDir dir;
  std::ofstream(dir.path() / "file") << "not a directory";
  PinyinEngine e(optionsFor(dir.path() / "file" / "rime"));
  CHECK_FALSE(e.start());
  CHECK(e.error().find("user data dir") != std::string::npos);
  PinyinEngine next(optionsFor(dir.path() / "rime"));
  CHECK(next.start());
}

TEST_CASE("librime is process-wide: a second engine is refused while one runs") {
  test::TempDir a, b;
  PinyinEngine first(optionsFor(a.path()));
  REQUIRE(first.start());
  PinyinEngine second(optionsFor(b.path()));
  CHECK_FALSE(second.start());
  CHECK(second.error().find("another") != std::string::npos);
  CHECK(offers(type(first, "beijing"), "北京"));   // the first one is unharmed
}

TEST_CASE("a stable user dir is reused: the second start compiles nothing") {
  test::TempDir dir;
  const fs::path compiled = dir.path() / "build" / "luna_pinyin_simp.schema.yaml";
  {
    PinyinEngine e(optionsFor(dir.path()));
    REQUIRE(e.start());
  }
  REQUIRE(fs::exists(compiled));
  const auto before = fs::last_write_time(compiled);
  const auto settings = fs::last_write_time(dir.path() / "default.custom.yaml");
  PinyinEngine again(optionsFor(dir.path()));
  REQUIRE(again.start());
  CHECK(fs::last_write_time(compiled) == before);
  CHECK(fs::last_write_time(dir.path() / "default.custom.yaml") == settings);
  CHECK(offers(type(again, "beijing"), "北京"));
}

TEST_CASE("deploy() prepares a user dir ahead of time for the set-up script") {
  test::TempDir dir;
  const input::DeployReport r = PinyinEngine::deploy(optionsFor(dir.path()));
  CHECK_MESSAGE(r.ok, r.error);
  MESSAGE("deploy with the packaged compiled data: " << r.seconds << " s");
  CHECK(fs::exists(dir.path() / "build" / "luna_pinyin_simp.schema.yaml"));
  CHECK(fs::exists(dir.path() / "build" / "luna_pinyin_tw.schema.yaml"));
  // and it let librime go: an engine can start right after
  PinyinEngine e(optionsFor(dir.path()));
  CHECK(e.start());
}

TEST_CASE("deploy compiles the dictionary itself when no compiled data is packaged") {
  test::TempDir dir;
  const fs::path shared = dir.path() / "shared";
  linkSharedData(shared, false);
  input::EngineOptions o = optionsFor(dir.path() / "user");
  o.sharedDataDir = shared;
  const input::DeployReport r = PinyinEngine::deploy(o);
  REQUIRE_MESSAGE(r.ok, r.error);
  MESSAGE("first deploy compiling Luna Pinyin from source: " << r.seconds << " s");
  CHECK(fs::exists(dir.path() / "user" / "build" / "luna_pinyin.table.bin"));
  PinyinEngine e(o);
  REQUIRE(e.start());
  CHECK(offers(type(e, "beijing"), "北京"));
}
