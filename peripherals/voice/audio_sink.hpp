#pragma once
// Where synthesised speech goes: the kiosk's speaker (SdlAudioSink) or WAV files for the
// demo and tests (WavFileSink). A VoiceGuide calls a sink only from its worker thread, one
// utterance at a time:
//
//   begin(rate)  write(samples)…  end()      a complete utterance
//   begin(rate)  write(samples)…  cancel()   interrupted: drop what is unfinished
//   cancel()                                 stop(): silence whatever still plays
//
// Samples are mono signed 16-bit at the rate given to begin().
#include <cstddef>
#include <cstdint>

namespace onestop::voice {

struct AudioSink {
  virtual ~AudioSink() = default;
  /// Starts an utterance; audio still playing from an earlier one is cut off.
  virtual void begin(int sampleRate) = 0;
  /// Takes the next samples; false asks the synthesiser to give up on this utterance
  /// (nobody can hear it). Must return promptly: the guide waits for it to interrupt.
  virtual bool write(const std::int16_t* samples, std::size_t count) = 0;
  /// The utterance is complete (a player keeps playing what it has queued).
  virtual void end() = 0;
  /// Stops any sound now and discards an unfinished utterance; harmless when idle.
  virtual void cancel() = 0;
};

}  // namespace onestop::voice
