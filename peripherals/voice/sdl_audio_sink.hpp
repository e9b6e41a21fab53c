#pragma once
// Plays speech through the kiosk's speaker with SDL2 audio (mono S16, queued with
// SDL_QueueAudio; SDL converts to whatever the device takes). A machine without sound —
// a headless build box, SDL_AUDIODRIVER=dummy or no driver at all — gets one log line and
// silence: write() then returns false so no time is spent synthesising for nobody.
//
// Construct and destroy it on the thread that initialises SDL (the UI thread) and destroy
// it before SDL_Quit(); the VoiceGuide calls the rest from its worker.
#include <cstdint>

#include "voice/audio_sink.hpp"

namespace onestop::voice {

class SdlAudioSink final : public AudioSink {
 public:
  SdlAudioSink();
  ~SdlAudioSink() override;
  SdlAudioSink(const SdlAudioSink&) = delete;
  SdlAudioSink& operator=(const SdlAudioSink&) = delete;

  void begin(int sampleRate) override;
  bool write(const std::int16_t* samples, std::size_t count) override;
  void end() override {}
  void cancel() override;

  /// Whether a device is open (after a begin()); false means speech goes nowhere.
  bool playing() const { return device_ != 0; }

 private:
  bool open(int sampleRate);
  void close();

  bool subsystemUp_ = false;
  std::uint32_t device_ = 0;   // SDL_AudioDeviceID, 0 = none
  int deviceRate_ = 0;
  bool reportedFailure_ = false;
};

}  // namespace onestop::voice
