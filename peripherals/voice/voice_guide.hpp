#pragma once
// Voice guidance (accessibility.md): reads each screen's main prompt aloud, in Mandarin or
// English, when the citizen switches it on — and says so when an error appears.
//
//   VoiceGuide guide(std::make_unique<SdlAudioSink>());
//   guide.say(prompt, Language::Mandarin);   // returns at once; a newer say() interrupts
//   guide.stop();                            // silence (voice switched off, session ends)
//
// One worker thread owns espeak-ng (which is not thread-safe) and the sink; say() and
// stop() only hand it work, so the UI thread never waits on speech. Only the newest
// request counts: say() replaces one not yet started and cuts off the one being spoken
// (an interrupted utterance goes to the sink's cancel(), never end(): a WAV sink writes
// no file for it). When espeak-ng or its data is missing the guide logs why once and is
// a silent no-op. Spoken text is never logged (a prompt could name a citizen) — only its
// length and language.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "voice/audio_sink.hpp"
#include "voice/language.hpp"

namespace onestop::voice {

class EspeakEngine;

// espeak-ng's default is 175 wpm. Older listeners, many with some hearing loss and in a
// noisy hall, follow prompts better a little slower; much slower sounds patronising and
// keeps them waiting.
constexpr int kElderlyWordsPerMinute = 150;

struct VoiceGuideConfig {
  std::filesystem::path dataDir;   ///< espeak-ng-data; empty = espeak-ng's default
  int wordsPerMinute = kElderlyWordsPerMinute;
};

class VoiceGuide {
 public:
  explicit VoiceGuide(std::unique_ptr<AudioSink> sink, VoiceGuideConfig config = {});
  /// Interrupts any speech and joins the worker.
  ~VoiceGuide();
  VoiceGuide(const VoiceGuide&) = delete;
  VoiceGuide& operator=(const VoiceGuide&) = delete;

  /// Speaks text (UTF-8, plain — never SSML) instead of anything pending or playing.
  /// Empty text just stops.
  void say(std::string text, Language language);
  /// Drops pending speech and silences what is playing.
  void stop();

  /// Whether the guide can speak this language (false while starting and when silent).
  bool available(Language language) const;
  /// Blocks until the worker has started and handled every request (up to timeout); for
  /// tests and for letting a last prompt finish at exit — never call it from the UI loop.
  bool waitUntilIdle(std::chrono::milliseconds timeout) const;

 private:
  struct Request {
    std::string text;
    Language language;
    std::uint64_t generation;
  };

  void run();
  void speak(EspeakEngine& engine, const Request& request);
  /// Bumps the generation under the lock, so the utterance being spoken aborts.
  std::uint64_t supersede();

  std::unique_ptr<AudioSink> sink_;
  VoiceGuideConfig config_;

  mutable std::mutex mutex_;   // guards the members below
  std::condition_variable wake_;
  mutable std::condition_variable idle_;
  std::optional<Request> pending_;
  bool silenceRequested_ = false;
  bool quitting_ = false;
  bool starting_ = true;
  bool busy_ = false;
  bool mandarin_ = false;
  bool english_ = false;

  // The newest request; the utterance being spoken aborts when it no longer matches.
  std::atomic<std::uint64_t> generation_{0};
  std::thread thread_;
};

}  // namespace onestop::voice
