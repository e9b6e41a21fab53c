#pragma once
// Writes each complete utterance to <dir>/utterance-0001.wav, -0002.wav, … (RIFF PCM,
// 16-bit mono) — for the demo and tests, as the receipt printer simulator writes PNGs.
// An utterance is written to a ".part" name and renamed when it ends, so a reader never
// sees half a file; a cancelled utterance leaves no file and uses up no number.
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "voice/audio_sink.hpp"

namespace onestop::voice {

class WavFileSink final : public AudioSink {
 public:
  explicit WavFileSink(std::filesystem::path directory);
  ~WavFileSink() override;
  WavFileSink(const WavFileSink&) = delete;
  WavFileSink& operator=(const WavFileSink&) = delete;

  void begin(int sampleRate) override;
  bool write(const std::int16_t* samples, std::size_t count) override;
  void end() override;
  void cancel() override;

 private:
  /// The file the next complete utterance gets, and its name while being written.
  std::filesystem::path nextFile() const;
  std::filesystem::path partFile() const;
  void discard();

  std::filesystem::path directory_;
  bool usable_ = false;
  std::ofstream out_;
  std::uint32_t sampleRate_ = 0;
  std::uint32_t dataBytes_ = 0;
  int nextNumber_ = 1;
};

}  // namespace onestop::voice
