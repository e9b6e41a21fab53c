#include "voice/espeak_engine.hpp"

#include <espeak-ng/espeak_ng.h>
#include <spdlog/spdlog.h>

#include <array>
#include <optional>
#include <system_error>
#include <type_traits>

namespace onestop::voice {
namespace {

static_assert(std::is_same_v<short, std::int16_t>, "espeak-ng hands out samples as short");

// What espeak-ng reads when it starts, and the dictionary each voice needs.
constexpr std::array kEngineFiles = {"phontab", "phonindex", "phondata", "intonations"};
constexpr const char* kMandarinDict = "cmn_dict";
constexpr const char* kEnglishDict = "en_dict";

enum class State { Unstarted, Running, Broken };

// The engine's process-wide state; read and written only by the lease holder.
struct Shared {
  State state = State::Unstarted;
  EspeakData data;
  int sampleRate = 0;
  std::optional<Language> voice;   // the voice espeak-ng has loaded
  int wordsPerMinute = 0;          // the rate set for it; 0 = not yet
};

std::mutex& engineMutex() {
  static std::mutex mutex;
  return mutex;
}

Shared& shared() {
  static Shared state;
  return state;
}

std::string messageOf(espeak_ng_STATUS status) {
  std::array<char, 512> text{};
  espeak_ng_GetStatusCodeMessage(status, text.data(), text.size());
  return text.data();
}

bool isFile(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

bool sameDirectory(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  const bool same = std::filesystem::equivalent(a, b, ec);
  return !ec && same;
}

// espeak-ng's synthesis callback (synchronous mode: runs on the speaking thread). The
// SampleSink rides in user_data; returning 1 makes espeak-ng abandon the utterance.
int onSynth(short* wav, int count, espeak_EVENT* events) {
  const auto* sink = events ? static_cast<const EspeakEngine::SampleSink*>(events->user_data) : nullptr;
  if (!wav || count <= 0 || !sink) return 0;   // wav == nullptr marks the end of the data
  try {
    return (*sink)(wav, static_cast<std::size_t>(count)) ? 0 : 1;
  } catch (...) {   // never unwind through C
    return 1;
  }
}

// Where espeak-ng looks when given no directory (ESPEAK_DATA_PATH, ~/espeak-ng-data, or
// its built-in path), so that it can be checked like a given one.
std::filesystem::path defaultDataDir() {
  espeak_ng_InitializePath(nullptr);
  const char* path = nullptr;
  espeak_Info(&path);
  return path ? path : "";
}

// Starts espeak-ng from data that inspectEspeakData accepted.
bool start(Shared& s) {
  espeak_ng_ERROR_CONTEXT context = nullptr;
  espeak_ng_STATUS status = espeak_ng_Initialize(&context);
  if (context) espeak_ng_ClearErrorContext(&context);
  if (status == ENS_OK) status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
  if (status != ENS_OK) {
    spdlog::error("voice: espeak-ng failed to start from {}: {}; voice guidance is off", s.data.directory.string(),
                  messageOf(status));
    return false;
  }
  espeak_SetSynthCallback(onSynth);
  s.sampleRate = espeak_ng_GetSampleRate();
  spdlog::info("voice: espeak-ng {} ready ({} Hz, data {}, Mandarin {}, English {})", espeak_Info(nullptr),
               s.sampleRate, s.data.directory.string(), s.data.mandarin ? "yes" : "no",
               s.data.english ? "yes" : "no");
  for (auto language : {Language::Mandarin, Language::English})
    if (!s.data.has(language))
      spdlog::warn("voice: no {} in {}: {} prompts stay silent",
                   language == Language::Mandarin ? kMandarinDict : kEnglishDict, s.data.directory.string(),
                   nameOf(language));
  return true;
}

}  // namespace

EspeakData inspectEspeakData(const std::filesystem::path& directory) {
  EspeakData data;
  data.directory = directory;
  // Like espeak-ng, prefer an espeak-ng-data folder inside the one given.
  std::error_code ec;
  if (std::filesystem::is_directory(directory / "espeak-ng-data", ec)) data.directory = directory / "espeak-ng-data";
  if (!std::filesystem::is_directory(data.directory, ec)) {
    data.problem = "no directory " + data.directory.string();
    return data;
  }
  for (const char* file : kEngineFiles)
    if (!isFile(data.directory / file)) {
      data.problem = "no " + std::string(file) + " in " + data.directory.string();
      return data;
    }
  data.mandarin = isFile(data.directory / kMandarinDict);
  data.english = isFile(data.directory / kEnglishDict);
  if (!data.mandarin && !data.english) data.problem = "neither cmn_dict nor en_dict in " + data.directory.string();
  return data;
}

std::string_view voiceName(Language language) { return language == Language::Mandarin ? "cmn" : "en"; }

std::unique_ptr<EspeakEngine> EspeakEngine::acquire(const std::filesystem::path& dataDir) {
  std::unique_lock lease(engineMutex(), std::try_to_lock);
  if (!lease) {
    spdlog::error("voice: espeak-ng is in use by another voice guide in this process; this one stays silent");
    return nullptr;
  }
  std::optional<EspeakData> given;
  if (!dataDir.empty()) {
    given = inspectEspeakData(dataDir);
    if (!given->usable()) {
      spdlog::error("voice: espeak-ng data unusable ({}); voice guidance is off", given->problem);
      return nullptr;
    }
  }
  Shared& s = shared();
  switch (s.state) {
    case State::Broken:
      spdlog::error("voice: espeak-ng failed to start earlier in this process; voice guidance is off");
      return nullptr;
    case State::Running:
      if (given && !sameDirectory(given->directory, s.data.directory)) {
        spdlog::error("voice: espeak-ng already runs from {} and cannot be restarted from {}; this guide stays silent",
                      s.data.directory.string(), dataDir.string());
        return nullptr;
      }
      break;
    case State::Unstarted: {
      // Resolve the directory as espeak-ng would, then check it: espeak-ng itself falls
      // back to its default path when the given one has no data.
      auto data = given ? std::move(*given) : inspectEspeakData(defaultDataDir());
      if (!data.usable()) {
        // Nothing started yet, so a later guide may still start from good data.
        spdlog::error("voice: espeak-ng data unusable ({}); voice guidance is off", data.problem);
        return nullptr;
      }
      s.data = std::move(data);
      espeak_ng_InitializePath(s.data.directory.c_str());
      s.state = start(s) ? State::Running : State::Broken;
      if (s.state == State::Broken) return nullptr;
      break;
    }
  }
  return std::unique_ptr<EspeakEngine>(new EspeakEngine(std::move(lease)));
}

EspeakEngine::EspeakEngine(std::unique_lock<std::mutex> lease) : lease_(std::move(lease)) {}

EspeakEngine::~EspeakEngine() = default;

int EspeakEngine::sampleRate() const { return shared().sampleRate; }

const EspeakData& EspeakEngine::data() const { return shared().data; }

EspeakEngine::Outcome EspeakEngine::speak(const std::string& text, Language language, int wordsPerMinute,
                                          const SampleSink& sink) {
  Shared& s = shared();
  if (!s.data.has(language)) return Outcome::Failed;   // reported when the engine started
  if (s.voice != language) {
    s.voice.reset();
    if (auto status = espeak_ng_SetVoiceByName(voiceName(language).data()); status != ENS_OK) {
      spdlog::error("voice: espeak-ng has no voice '{}' for {}: {}", voiceName(language), nameOf(language),
                    messageOf(status));
      return Outcome::Failed;
    }
    s.voice = language;
    s.wordsPerMinute = 0;   // a voice change may reset the rate
  }
  if (s.wordsPerMinute != wordsPerMinute) {
    if (auto status = espeak_ng_SetParameter(espeakRATE, wordsPerMinute, 0); status != ENS_OK)
      spdlog::warn("voice: cannot set the rate to {} wpm: {}", wordsPerMinute, messageOf(status));
    s.wordsPerMinute = wordsPerMinute;
  }
  // Count an abort here rather than trust the status espeak-ng returns for it.
  bool aborted = false;
  SampleSink watched = [&](const std::int16_t* samples, std::size_t count) {
    aborted = aborted || !sink(samples, count);
    return !aborted;
  };
  // The sink travels as user_data; espeak-ng only hands it back to onSynth.
  const espeak_ng_STATUS status = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                                       espeakCHARS_UTF8, nullptr, &watched);
  if (aborted || status == ENS_SPEECH_STOPPED) return Outcome::Aborted;
  if (status == ENS_OK) return Outcome::Finished;
  spdlog::error("voice: espeak-ng could not speak {} bytes of {}: {}", text.size(), nameOf(language),
                messageOf(status));
  return Outcome::Failed;
}

}  // namespace onestop::voice
