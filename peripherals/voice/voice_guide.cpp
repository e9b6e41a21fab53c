#include "voice/voice_guide.hpp"

#include <spdlog/spdlog.h>

#include <utility>

#include "voice/espeak_engine.hpp"

namespace onestop::voice {

VoiceGuide::VoiceGuide(std::unique_ptr<AudioSink> sink, VoiceGuideConfig config)
    : sink_(std::move(sink)), config_(std::move(config)) {
  thread_ = std::thread([this] { run(); });
}

VoiceGuide::~VoiceGuide() {
  {
    std::lock_guard lock(mutex_);
    quitting_ = true;
    pending_.reset();
    ++generation_;
  }
  wake_.notify_all();
  thread_.join();
}

std::uint64_t VoiceGuide::supersede() { return ++generation_; }

void VoiceGuide::say(std::string text, Language language) {
  if (text.empty()) return stop();
  {
    std::lock_guard lock(mutex_);
    pending_ = Request{std::move(text), language, supersede()};
  }
  wake_.notify_all();
}

void VoiceGuide::stop() {
  {
    std::lock_guard lock(mutex_);
    pending_.reset();
    silenceRequested_ = true;
    supersede();
  }
  wake_.notify_all();
}

bool VoiceGuide::available(Language language) const {
  std::lock_guard lock(mutex_);
  return language == Language::Mandarin ? mandarin_ : english_;
}

bool VoiceGuide::waitUntilIdle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return !starting_ && !busy_ && !pending_ && !silenceRequested_; });
}

void VoiceGuide::speak(EspeakEngine& engine, const Request& request) {
  bool begun = false;
  const auto outcome = engine.speak(request.text, request.language, config_.wordsPerMinute,
                                    [&](const std::int16_t* samples, std::size_t count) {
                                      if (generation_.load() != request.generation) return false;
                                      if (!begun) sink_->begin(engine.sampleRate());
                                      begun = true;
                                      return sink_->write(samples, count);
                                    });
  // cancel() also when nothing began (voice missing, superseded): the previous prompt
  // must not play on under a newer screen.
  if (begun && outcome == EspeakEngine::Outcome::Finished)
    sink_->end();
  else
    sink_->cancel();
  spdlog::debug("voice: {} bytes of {}: {}", request.text.size(), nameOf(request.language),
                outcome == EspeakEngine::Outcome::Finished  ? "spoken"
                : outcome == EspeakEngine::Outcome::Aborted ? "interrupted"
                                                            : "failed");
}

void VoiceGuide::run() {
  auto engine = EspeakEngine::acquire(config_.dataDir);
  std::unique_lock lock(mutex_);
  starting_ = false;
  mandarin_ = engine && engine->data().has(Language::Mandarin);
  english_ = engine && engine->data().has(Language::English);
  idle_.notify_all();
  for (;;) {
    wake_.wait(lock, [this] { return quitting_ || pending_ || silenceRequested_; });
    if (quitting_) break;
    busy_ = true;
    const bool silence = std::exchange(silenceRequested_, false);
    std::optional<Request> request = std::exchange(pending_, std::nullopt);
    lock.unlock();
    if (silence) sink_->cancel();
    if (request && engine) speak(*engine, *request);
    lock.lock();
    busy_ = false;
    idle_.notify_all();
  }
  lock.unlock();
  sink_->cancel();
  engine.reset();   // released on the thread that took it
}

}  // namespace onestop::voice
