#include "voice/sdl_audio_sink.hpp"

#include <SDL.h>
#include <spdlog/spdlog.h>

namespace onestop::voice {
namespace {

// About 46 ms at 22 kHz: short enough that cancel() is heard as immediate.
constexpr Uint16 kDeviceBufferFrames = 1024;

const char* driverName() {
  const char* name = SDL_GetCurrentAudioDriver();
  return name ? name : "none";
}

}  // namespace

SdlAudioSink::SdlAudioSink() {
  subsystemUp_ = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
  if (!subsystemUp_) {
    spdlog::warn("voice: no SDL audio ({}); voice guidance will be silent", SDL_GetError());
    reportedFailure_ = true;
  }
}

SdlAudioSink::~SdlAudioSink() {
  close();
  if (subsystemUp_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool SdlAudioSink::open(int sampleRate) {
  if (device_ != 0 && deviceRate_ == sampleRate) return true;
  close();
  if (!subsystemUp_) return false;
  SDL_AudioSpec want{};
  want.freq = sampleRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = kDeviceBufferFrames;
  SDL_AudioSpec have{};
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);   // 0: SDL converts for us
  if (device_ == 0) {
    // Retried on the next utterance (a USB speaker may be plugged in later), logged once.
    if (!reportedFailure_)
      spdlog::warn("voice: cannot open an audio device (driver {}): {}; voice guidance is silent", driverName(),
                   SDL_GetError());
    reportedFailure_ = true;
    return false;
  }
  deviceRate_ = sampleRate;
  if (reportedFailure_) spdlog::info("voice: audio device open (driver {})", driverName());
  reportedFailure_ = false;
  SDL_PauseAudioDevice(device_, 0);
  return true;
}

void SdlAudioSink::close() {
  if (device_ == 0) return;
  SDL_CloseAudioDevice(device_);
  device_ = 0;
  deviceRate_ = 0;
}

void SdlAudioSink::begin(int sampleRate) {
  if (open(sampleRate)) SDL_ClearQueuedAudio(device_);
}

bool SdlAudioSink::write(const std::int16_t* samples, std::size_t count) {
  if (device_ == 0) return false;
  if (SDL_QueueAudio(device_, samples, static_cast<Uint32>(count * sizeof(std::int16_t))) != 0) {
    spdlog::warn("voice: SDL_QueueAudio failed: {}; closing the audio device", SDL_GetError());
    close();
    return false;
  }
  return true;
}

void SdlAudioSink::cancel() {
  if (device_ != 0) SDL_ClearQueuedAudio(device_);
}

}  // namespace onestop::voice
