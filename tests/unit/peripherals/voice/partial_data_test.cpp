// A guide on espeak-ng data that lacks the Mandarin dictionary. espeak-ng starts once per
// process and keeps its data directory, so this suite has an executable of its own: run
// with the others it would either test nothing or leave them without Mandarin.
#include <doctest/doctest.h>

#include "voice/espeak_engine.hpp"
#include "voice/voice_guide.hpp"
#include "voice/wav_file_sink.hpp"
#include "voice_test_support.hpp"

using namespace onestop::voice;
using namespace onestop::voice::test;

namespace {

const std::filesystem::path kDebianData = "/usr/lib/x86_64-linux-gnu/espeak-ng-data";

/// The installed data, by symlinks, without the named file.
void linkDataWithout(const std::filesystem::path& to, const std::string& left) {
  for (const auto& entry : std::filesystem::directory_iterator(kDebianData))
    if (entry.path().filename() != left) std::filesystem::create_symlink(entry.path(), to / entry.path().filename());
}

}  // namespace

TEST_CASE("data without cmn_dict is usable for English only, and the guide keeps Mandarin silent") {
  TempDir data;
  linkDataWithout(data.path(), "cmn_dict");
  const auto found = inspectEspeakData(data.path());
  CHECK(found.usable());
  CHECK_FALSE(found.mandarin);
  CHECK(found.english);

  TempDir out;
  auto log = std::make_shared<SinkLog>();
  auto sink = std::make_unique<ProbeSink>(log, std::make_unique<WavFileSink>(out.path()));
  VoiceGuide guide(std::move(sink), VoiceGuideConfig{data.path()});
  guide.say("请将身份证放在读卡区", Language::Mandarin);
  REQUIRE(guide.waitUntilIdle(kPatience));
  CHECK_FALSE(guide.available(Language::Mandarin));
  CHECK(log->writes == 0);
  CHECK(filesIn(out.path()).empty());

  guide.say("Please place your ID card on the reader", Language::English);
  REQUIRE(guide.waitUntilIdle(kPatience));
  CHECK(guide.available(Language::English));
  CHECK(filesIn(out.path()) == std::vector<std::string>{"utterance-0001.wav"});
}

