// SdlAudioSink on machines without sound: SDL's dummy driver plays into nothing, and a
// driver that does not exist leaves a sink that refuses samples instead of crashing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <vector>

#include "voice/sdl_audio_sink.hpp"
#include "voice/voice_guide.hpp"
#include "voice_test_support.hpp"

using namespace onestop::voice;
using namespace onestop::voice::test;

namespace {

// SDL reads SDL_AUDIODRIVER when the sink brings up its audio subsystem.
struct AudioDriver {
  explicit AudioDriver(const char* name) { setenv("SDL_AUDIODRIVER", name, 1); }
  ~AudioDriver() { unsetenv("SDL_AUDIODRIVER"); }
  AudioDriver(const AudioDriver&) = delete;
  AudioDriver& operator=(const AudioDriver&) = delete;
};

}  // namespace

TEST_CASE("with SDL's dummy driver the sink opens a device and takes samples") {
  AudioDriver driver("dummy");
  SdlAudioSink sink;
  const std::vector<std::int16_t> samples(2205, 1000);
  sink.begin(22050);
  CHECK(sink.playing());
  CHECK(sink.write(samples.data(), samples.size()));
  sink.end();
  sink.begin(22050);   // cuts off the first
  CHECK(sink.write(samples.data(), samples.size()));
  sink.cancel();
  sink.cancel();
}

TEST_CASE("with no usable audio driver the sink is silent and asks synthesis to stop") {
  AudioDriver driver("no-such-driver");
  SdlAudioSink sink;
  const std::int16_t samples[] = {1, 2, 3};
  sink.begin(22050);
  CHECK_FALSE(sink.playing());
  CHECK_FALSE(sink.write(samples, 3));
  sink.end();
  sink.cancel();
}

TEST_CASE("a guide speaking through SDL without sound neither blocks nor crashes") {
  for (const char* name : {"dummy", "no-such-driver"}) {
    CAPTURE(name);
    AudioDriver driver(name);
    VoiceGuide guide(std::make_unique<SdlAudioSink>());
    guide.say("请将身份证放在读卡区", Language::Mandarin);
    REQUIRE(guide.waitUntilIdle(kPatience));
    guide.say("Please place your ID card on the reader", Language::English);
    guide.stop();
    REQUIRE(guide.waitUntilIdle(kPatience));
  }
}
