#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

#include "input/pinyin_input.hpp"
#include "temp_dir.hpp"

using namespace onestop;
using input::Composition;
using input::Key;
using input::PinyinInput;
namespace fs = std::filesystem;

namespace {

// Generous: only reached when something is broken (the box is slow and shared).
constexpr std::chrono::seconds kPatience{60};

input::EngineOptions optionsFor(const fs::path& userDir) {
  input::EngineOptions o;
  o.userDataDir = userDir;
  return o;
}

std::uint64_t typeLetters(PinyinInput& in, const std::string& letters) {
  std::uint64_t t = 0;
  for (char c : letters) t = in.post(Key::letter(c));
  return t;
}

// Waits for the engine to start, then for every key posted.
void settle(PinyinInput& in, std::uint64_t ticket) { REQUIRE(in.waitHandled(ticket, kPatience)); }

std::uint64_t whenReady(PinyinInput& in) {
  const std::uint64_t t = in.post(Key::clear());
  settle(in, t);
  REQUIRE_MESSAGE(in.peek().ready, in.error());
  return t;
}

std::string readAll(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("the caller never waits for the worker, not even while it is stuck") {
  test::TempDir dir;
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  int deliveries = 0;
  // The worker blocks inside its first delivery (the engine's start) until the test lets
  // it go: every call below must return while it is stuck, or the test would hang.
  PinyinInput in(optionsFor(dir.path()), [&](const Composition&) {
    std::unique_lock lock(m);
    ++deliveries;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
  });
  {
    std::unique_lock lock(m);   // the worker is now inside the listener
    REQUIRE(cv.wait_for(lock, kPatience, [&] { return deliveries == 1; }));
  }
  std::uint64_t last = 0;
  for (char c : std::string("beijing")) last = in.post(Key::letter(c));
  last = in.post(Key::space());
  const std::uint64_t version = in.version();
  const Composition early = in.take();
  CHECK(early.handled < last);   // nothing of ours was processed yet…
  CHECK(early.committed.empty());
  CHECK(in.error().empty());
  CHECK(in.peek().handled < last);
  CHECK(in.version() == version);   // …because the worker is still held in the listener
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  REQUIRE(in.waitHandled(last, kPatience));
  const Composition done = in.take();
  REQUIRE_MESSAGE(done.ready, in.error());
  CHECK(done.committed == "北京");
  CHECK(in.version() > version);
  // The last key's delivery may still be on its way after waitHandled(): wait for it, then
  // make sure no more came than one per key.
  std::unique_lock lock(m);
  CHECK(cv.wait_for(lock, kPatience, [&] { return deliveries >= 1 + 8; }));
  CHECK(deliveries == 1 + 8);   // the start, then one per key
}

TEST_CASE("committed text accumulates until taken, and backspace eats untaken text first") {
  test::TempDir dir;
  PinyinInput in(optionsFor(dir.path()));
  whenReady(in);
  typeLetters(in, "shanghai");
  in.post(Key::space());
  in.post(Key::literal("12"));
  settle(in, in.post(Key::backspace()));
  Composition c = in.take();
  CHECK(c.committed == "上海1");
  CHECK(c.deleteLast == 0);
  // Taken: the next backspaces are the field's business.
  in.post(Key::backspace());
  settle(in, in.post(Key::backspace()));
  c = in.take();
  CHECK(c.committed.empty());
  CHECK(c.deleteLast == 2);
  CHECK(in.take().deleteLast == 0);
}

TEST_CASE("the listener gets each key's own result with its ticket") {
  test::TempDir dir;
  std::mutex m;
  std::condition_variable cv;
  std::vector<Composition> seen;
  PinyinInput in(optionsFor(dir.path()), [&](const Composition& c) {
    std::lock_guard lock(m);
    seen.push_back(c);
    cv.notify_all();
  });
  whenReady(in);
  typeLetters(in, "lu");
  const std::uint64_t t = in.post(Key::space());
  std::unique_lock lock(m);   // the listener runs after the state is published: wait for it
  REQUIRE(cv.wait_for(lock, kPatience, [&] { return !seen.empty() && seen.back().handled == t; }));
  REQUIRE(seen.size() >= 3);
  CHECK(seen.back().handled == t);
  CHECK(seen.back().committed == "路");
  CHECK(seen[seen.size() - 2].preedit == "lu");
  CHECK(seen[seen.size() - 2].committed.empty());
}

TEST_CASE("clear at the end of a session drops the composition and undelivered text") {
  test::TempDir dir;
  PinyinInput in(optionsFor(dir.path()));
  whenReady(in);
  typeLetters(in, "beijing");
  in.post(Key::space());
  settle(in, typeLetters(in, "chao"));
  CHECK(in.peek().composing());
  settle(in, in.clear());
  const Composition c = in.take();
  CHECK_FALSE(c.composing());
  CHECK(c.candidates.empty());
  CHECK(c.committed.empty());
}

TEST_CASE("the script can change while running") {
  test::TempDir dir;
  PinyinInput in(optionsFor(dir.path()));
  whenReady(in);
  in.setScript(input::Script::Traditional);
  typeLetters(in, "guangdong");
  settle(in, in.post(Key::space()));
  CHECK(in.take().committed == "廣東");
}

TEST_CASE("nothing typed is left in the user data dir") {
  test::TempDir dir;
  // Pieces of an address, typed as a citizen would, with the pinyin of each.
  const std::vector<std::pair<std::string, std::string>> pieces = {
      {"changning", "长宁"}, {"zhongshan", "中山"}, {"xi", "西"}, {"lu", "路"}};
  std::string address;
  {
    PinyinInput in(optionsFor(dir.path()));
    whenReady(in);
    for (int round = 0; round < 3; ++round) {   // repeated: what a learning engine would remember
      for (const auto& [pinyin, word] : pieces) {
        settle(in, typeLetters(in, pinyin));
        const std::vector<std::string> cands = in.peek().candidates;
        const auto at = std::find(cands.begin(), cands.end(), word);
        REQUIRE_MESSAGE(at != cands.end(), word);
        settle(in, in.post(Key::select(static_cast<int>(at - cands.begin()))));
        const Composition c = in.take();
        CHECK(c.committed == word);
        if (round == 0) address += c.committed;
      }
      in.post(Key::literal("1088"));
      settle(in, in.post(Key::literal("号")));
      const std::string number = in.take().committed;
      if (round == 0) address += number;
    }
    typeLetters(in, "shi");   // left composing at the end of the session
    settle(in, in.clear());
    // Learning is off, not merely cleaned up at shutdown: no user dictionary while running.
    for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
      CAPTURE(e.path().string());
      CHECK(e.path().filename().string().find("userdb") == std::string::npos);
    }
  }
  REQUIRE(address == "长宁中山西路1088号");

  // Searched: the address, each word outside compiled dictionary data, and the pinyin.
  std::vector<std::string> needles = {address, "changningzhongshan", "chang ning", "zhong shan"};
  std::vector<std::string> words;
  for (const auto& [pinyin, word] : pieces) {
    if (pinyin.size() > 2) needles.push_back(pinyin);   // "lu" alone is any binary's bytes
    words.push_back(word);
  }
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
    CAPTURE(e.path().string());
    CHECK(e.path().filename().string().find("userdb") == std::string::npos);
    if (!e.is_regular_file()) continue;
    ++files;
    const std::string content = readAll(e.path());
    for (const auto& n : needles) {
      CAPTURE(n);
      CHECK(content.find(n) == std::string::npos);
    }
    const bool compiled = e.path().parent_path().filename() == "build";
    if (!compiled)
      for (const auto& w : words) {
        CAPTURE(w);
        CHECK(content.find(w) == std::string::npos);
      }
  }
  CHECK(files > 0);
}

TEST_CASE("with the data missing the wrapper reports failure and passes letters through") {
  test::TempDir dir;
  input::EngineOptions o = optionsFor(dir.path() / "user");
  o.sharedDataDir = dir.path() / "nowhere";
  PinyinInput in(o);
  in.post(Key::letter('a'));
  settle(in, in.post(Key::literal("1")));
  const Composition c = in.take();
  CHECK_FALSE(c.ready);
  CHECK(c.failed);
  CHECK(c.committed == "a1");
  CHECK(in.error().find("nowhere") != std::string::npos);
}
