// WavFileSink: RIFF PCM files that a reader never sees half-written, numbered per
// complete utterance.
#include <doctest/doctest.h>

#include <numeric>

#include "voice/wav_file_sink.hpp"
#include "voice_test_support.hpp"

using namespace onestop::voice;
using namespace onestop::voice::test;

TEST_CASE("a complete utterance is a valid mono 16-bit WAV with the samples written") {
  TempDir dir;
  WavFileSink sink(dir.path());
  std::vector<std::int16_t> samples(1000);
  std::iota(samples.begin(), samples.end(), std::int16_t{-500});
  sink.begin(22050);
  CHECK(sink.write(samples.data(), 600));
  CHECK(sink.write(samples.data() + 600, 400));
  CHECK(filesIn(dir.path()) == std::vector<std::string>{"utterance-0001.wav.part"});   // not yet a .wav
  sink.end();

  CHECK(filesIn(dir.path()) == std::vector<std::string>{"utterance-0001.wav"});
  const auto wav = readWav(dir.path() / "utterance-0001.wav");
  REQUIRE(wav);
  CHECK(wav->sampleRate == 22050);
  CHECK(wav->channels == 1);
  CHECK(wav->bitsPerSample == 16);
  CHECK(wav->samples == samples);
}

TEST_CASE("a cancelled utterance leaves no file and uses up no number") {
  TempDir dir;
  WavFileSink sink(dir.path());
  const std::int16_t samples[] = {1, 2, 3};
  sink.begin(16000);
  sink.write(samples, 3);
  sink.cancel();
  CHECK(filesIn(dir.path()).empty());
  sink.cancel();   // harmless when idle

  sink.begin(16000);
  sink.write(samples, 3);
  sink.end();
  sink.begin(16000);
  sink.end();   // an empty utterance is still a valid file
  CHECK(filesIn(dir.path()) == std::vector<std::string>{"utterance-0001.wav", "utterance-0002.wav"});
  CHECK(readWav(dir.path() / "utterance-0002.wav")->samples.empty());
}

TEST_CASE("begin() drops an unfinished utterance, and the destructor removes one") {
  TempDir dir;
  const std::int16_t samples[] = {7, 8};
  {
    WavFileSink sink(dir.path());
    sink.begin(22050);
    sink.write(samples, 2);
    sink.begin(22050);
    sink.write(samples, 1);
    sink.end();
    CHECK(readWav(dir.path() / "utterance-0001.wav")->samples == std::vector<std::int16_t>{7});
    sink.begin(22050);
    sink.write(samples, 2);
  }
  CHECK(filesIn(dir.path()) == std::vector<std::string>{"utterance-0001.wav"});
}

TEST_CASE("a directory that cannot be created makes every write fail, without crashing") {
  TempDir dir;
  std::ofstream(dir.path() / "a-file") << "x";
  WavFileSink sink(dir.path() / "a-file" / "voice");
  const std::int16_t samples[] = {1};
  sink.begin(22050);
  CHECK_FALSE(sink.write(samples, 1));
  sink.end();
  sink.cancel();
  CHECK(filesIn(dir.path()) == std::vector<std::string>{"a-file"});
}
