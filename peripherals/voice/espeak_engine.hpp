#pragma once
// The process's espeak-ng, lent to one thread at a time.
//
// espeak-ng keeps all its state in globals and is not thread-safe, and 1.51 (Debian 12)
// hangs in espeak_ng_Terminate after a second espeak_ng_Initialize. So it is initialised
// once per process, on first use, never terminated, and held by one VoiceGuide worker at a
// time through an EspeakEngine lease.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "voice/language.hpp"

namespace onestop::voice {

/// What a data directory offers, checked before espeak-ng sees it: given a directory
/// without data espeak-ng silently falls back to its built-in path.
struct EspeakData {
  std::filesystem::path directory;
  std::string problem;   ///< why espeak-ng cannot start from it; empty when it can
  bool mandarin = false;
  bool english = false;

  bool usable() const { return problem.empty(); }
  bool has(Language language) const { return language == Language::Mandarin ? mandarin : english; }
};
EspeakData inspectEspeakData(const std::filesystem::path& directory);

/// The espeak-ng voice name for a language ("cmn", "en").
std::string_view voiceName(Language language);

class EspeakEngine {
 public:
  enum class Outcome { Finished, Aborted, Failed };
  /// Gets each chunk of samples as it is synthesised; false aborts the utterance.
  using SampleSink = std::function<bool(const std::int16_t* samples, std::size_t count)>;

  /// Borrows the engine for the calling thread, initialising it from dataDir (empty: the
  /// espeak-ng default) the first time. Null, with the reason logged, when espeak-ng cannot
  /// start, was started from another directory, or another guide holds it.
  static std::unique_ptr<EspeakEngine> acquire(const std::filesystem::path& dataDir);

  ~EspeakEngine();
  EspeakEngine(const EspeakEngine&) = delete;
  EspeakEngine& operator=(const EspeakEngine&) = delete;

  int sampleRate() const;
  const EspeakData& data() const;
  /// Speaks UTF-8 text (never SSML) at wordsPerMinute, handing samples to sink.
  Outcome speak(const std::string& text, Language language, int wordsPerMinute, const SampleSink& sink);

 private:
  explicit EspeakEngine(std::unique_lock<std::mutex> lease);

  std::unique_lock<std::mutex> lease_;
};

}  // namespace onestop::voice
