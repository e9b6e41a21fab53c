// VoiceGuide end to end with the real espeak-ng: prompts become plausible WAV files, a newer
// prompt interrupts an older one, and missing data leaves a silent guide, never a crash.
// Interruptions are made deterministic by a sink that holds the first write until the test
// lets go — no sleeps, no timing.
#include <doctest/doctest.h>

#include "voice/voice_guide.hpp"
#include "voice/wav_file_sink.hpp"
#include "voice_test_support.hpp"

using namespace onestop::voice;
using namespace onestop::voice::test;

namespace {

constexpr const char* kMandarinPrompt = "请将身份证放在读卡区";
constexpr const char* kTraditionalPrompt = "請將身分證放在讀卡區";
constexpr const char* kEnglishPrompt = "Please place your ID card on the reader";
// Long enough (well over 15 s spoken) that its WAV could never pass for a short prompt's.
constexpr const char* kLongMandarin =
    "欢迎使用社保自助服务终端。您可以在这里查询社保缴费记录，打印参保证明，办理社保卡挂失与补办，"
    "以及修改个人联系信息。请根据屏幕提示逐步操作，如需帮助，请联系大厅工作人员。";
constexpr const char* kLongEnglish =
    "Welcome to the social insurance self service kiosk. Here you can look up your contribution "
    "record, print a proof of insurance, report a lost card and order a new one, and change your "
    "contact details. Follow the prompts on the screen, and ask the hall staff if you need help.";

std::optional<Wav> onlyWav(const std::filesystem::path& dir) {
  const auto files = filesIn(dir);
  if (files.size() != 1 || files[0] != "utterance-0001.wav") return std::nullopt;
  return readWav(dir / files[0]);
}

void checkPlausibleSpeech(const std::optional<Wav>& wav) {
  REQUIRE(wav);
  CHECK(wav->channels == 1);
  CHECK(wav->bitsPerSample == 16);
  CHECK(wav->sampleRate >= 8000);
  CHECK(wav->seconds() > 1.0);
  CHECK(wav->seconds() < 15.0);
  CHECK(wav->peak() > 3000);   // speech, not silence or a faint hiss
  CHECK(wav->rms() > 300.0);
}

std::unique_ptr<ProbeSink> probe(const std::shared_ptr<SinkLog>& log, const std::filesystem::path& dir) {
  return std::make_unique<ProbeSink>(log, std::make_unique<WavFileSink>(dir));
}

}  // namespace

TEST_CASE("a Mandarin prompt becomes a WAV of plausible length that is not silence") {
  TempDir dir;
  VoiceGuide guide(std::make_unique<WavFileSink>(dir.path()));
  guide.say(kMandarinPrompt, Language::Mandarin);
  REQUIRE(guide.waitUntilIdle(kPatience));
  CHECK(guide.available(Language::Mandarin));
  checkPlausibleSpeech(onlyWav(dir.path()));
}

TEST_CASE("a zh-TW prompt in traditional characters is spoken by the Mandarin voice") {
  TempDir dir;
  VoiceGuide guide(std::make_unique<WavFileSink>(dir.path()));
  guide.say(kTraditionalPrompt, Language::Mandarin);
  REQUIRE(guide.waitUntilIdle(kPatience));
  checkPlausibleSpeech(onlyWav(dir.path()));
}

TEST_CASE("an English prompt becomes a WAV of plausible length that is not silence") {
  TempDir dir;
  VoiceGuide guide(std::make_unique<WavFileSink>(dir.path()));
  guide.say(kEnglishPrompt, Language::English);
  REQUIRE(guide.waitUntilIdle(kPatience));
  CHECK(guide.available(Language::English));
  checkPlausibleSpeech(onlyWav(dir.path()));
}

TEST_CASE("prompts in turn are written as numbered files") {
  TempDir dir;
  VoiceGuide guide(std::make_unique<WavFileSink>(dir.path()));
  guide.say(kEnglishPrompt, Language::English);
  REQUIRE(guide.waitUntilIdle(kPatience));
  guide.say(kMandarinPrompt, Language::Mandarin);
  REQUIRE(guide.waitUntilIdle(kPatience));
  CHECK(filesIn(dir.path()) == std::vector<std::string>{"utterance-0001.wav", "utterance-0002.wav"});
  checkPlausibleSpeech(readWav(dir.path() / "utterance-0002.wav"));
}

TEST_CASE("a newer say() interrupts the one being spoken, which leaves no file") {
  TempDir dir;
  auto log = std::make_shared<SinkLog>();
  log->holdFirstWrite = true;
  VoiceGuide guide(probe(log, dir.path()));
  guide.say(kLongMandarin, Language::Mandarin);
  REQUIRE(log->waitForFirstWrite());   // the long prompt is being spoken now
  guide.say(kEnglishPrompt, Language::English);
  log->release();
  REQUIRE(guide.waitUntilIdle(kPatience));

  CHECK(log->snapshot() == std::vector<std::string>{"begin", "cancel", "begin", "end"});
  checkPlausibleSpeech(onlyWav(dir.path()));   // the English prompt, not 15+ s of Mandarin
}

TEST_CASE("say() replaces a request that has not started yet") {
  TempDir dir;
  auto log = std::make_shared<SinkLog>();
  log->holdFirstWrite = true;
  VoiceGuide guide(probe(log, dir.path()));
  guide.say(kLongMandarin, Language::Mandarin);
  REQUIRE(log->waitForFirstWrite());
  guide.say(kLongEnglish, Language::English);   // queued behind the held write, then replaced
  guide.say(kMandarinPrompt, Language::Mandarin);
  log->release();
  REQUIRE(guide.waitUntilIdle(kPatience));

  CHECK(log->snapshot() == std::vector<std::string>{"begin", "cancel", "begin", "end"});
  checkPlausibleSpeech(onlyWav(dir.path()));   // short: neither long text was written
}

TEST_CASE("stop() silences the prompt being spoken and drops the pending one") {
  TempDir dir;
  auto log = std::make_shared<SinkLog>();
  log->holdFirstWrite = true;
  VoiceGuide guide(probe(log, dir.path()));
  guide.say(kLongMandarin, Language::Mandarin);
  REQUIRE(log->waitForFirstWrite());
  guide.say(kEnglishPrompt, Language::English);
  guide.stop();
  log->release();
  REQUIRE(guide.waitUntilIdle(kPatience));

  const auto calls = log->snapshot();
  CHECK(std::count(calls.begin(), calls.end(), "begin") == 1);
  CHECK(std::count(calls.begin(), calls.end(), "end") == 0);
  CHECK(calls.back() == "cancel");
  CHECK(filesIn(dir.path()).empty());
}

TEST_CASE("empty text stops like stop()") {
  TempDir dir;
  auto log = std::make_shared<SinkLog>();
  log->holdFirstWrite = true;
  VoiceGuide guide(probe(log, dir.path()));
  guide.say(kLongMandarin, Language::Mandarin);
  REQUIRE(log->waitForFirstWrite());
  guide.say("", Language::English);
  log->release();
  REQUIRE(guide.waitUntilIdle(kPatience));
  CHECK(log->snapshot() == std::vector<std::string>{"begin", "cancel", "cancel"});
  CHECK(filesIn(dir.path()).empty());
}

TEST_CASE("the destructor returns while a long prompt is being spoken") {
  TempDir dir;
  auto log = std::make_shared<SinkLog>();
  {
    VoiceGuide guide(probe(log, dir.path()));
    guide.say(kLongEnglish, Language::English);
    guide.say(kLongMandarin, Language::Mandarin);
    REQUIRE(log->waitForFirstWrite());
  }   // joins here, whether the utterance is cut off or has just finished
  const auto calls = log->snapshot();
  REQUIRE(!calls.empty());
  CHECK(calls.front() == "begin");
  CHECK(calls.back() == "cancel");   // the worker silences the sink as it leaves
  for (const auto& name : filesIn(dir.path())) CHECK(name.find(".part") == std::string::npos);
}

TEST_CASE("a data directory without espeak-ng data leaves the guide silent, not crashed") {
  TempDir empty;
  TempDir out;
  for (const auto& dataDir : {empty.path(), empty.path() / "no-such-dir"}) {
    CAPTURE(dataDir);
    auto log = std::make_shared<SinkLog>();
    VoiceGuide guide(probe(log, out.path()), VoiceGuideConfig{dataDir});
    guide.say(kMandarinPrompt, Language::Mandarin);
    guide.say(kEnglishPrompt, Language::English);
    REQUIRE(guide.waitUntilIdle(kPatience));
    CHECK_FALSE(guide.available(Language::Mandarin));
    CHECK_FALSE(guide.available(Language::English));
    guide.stop();
    REQUIRE(guide.waitUntilIdle(kPatience));
    CHECK(log->writes == 0);
    CHECK(filesIn(out.path()).empty());
  }
}

TEST_CASE("a second guide alive at the same time stays silent and the first keeps speaking") {
  TempDir dir;
  TempDir other;
  VoiceGuide first(std::make_unique<WavFileSink>(dir.path()));
  REQUIRE(first.waitUntilIdle(kPatience));
  {
    VoiceGuide second(std::make_unique<WavFileSink>(other.path()));
    second.say(kEnglishPrompt, Language::English);
    REQUIRE(second.waitUntilIdle(kPatience));
    CHECK_FALSE(second.available(Language::English));
  }
  first.say(kEnglishPrompt, Language::English);
  REQUIRE(first.waitUntilIdle(kPatience));
  checkPlausibleSpeech(onlyWav(dir.path()));
  CHECK(filesIn(other.path()).empty());
}
