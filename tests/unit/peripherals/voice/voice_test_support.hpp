#pragma once
// Test helpers for voice guidance: a temp directory, a WAV reader, and a sink that records
// what a VoiceGuide does with it and can hold the first write until the test lets go.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "voice/audio_sink.hpp"

namespace onestop::voice::test {

// Generous: only a hung worker should ever hit it (2 cores, ASan, other builds running).
inline constexpr std::chrono::seconds kPatience{120};

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "onestop-voice-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The names in a directory, sorted.
inline std::vector<std::string> filesIn(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

struct Wav {
  int sampleRate = 0;
  int channels = 0;
  int bitsPerSample = 0;
  std::vector<std::int16_t> samples;

  double seconds() const { return sampleRate ? static_cast<double>(samples.size()) / sampleRate : 0.0; }
  int peak() const {
    int p = 0;
    for (auto s : samples) p = std::max(p, std::abs(static_cast<int>(s)));
    return p;
  }
  double rms() const {
    double sum = 0;
    for (auto s : samples) sum += static_cast<double>(s) * s;
    return samples.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(samples.size()));
  }
};

/// Reads a RIFF PCM 16-bit file; nullopt when it is not one (or sizes disagree).
inline std::optional<Wav> readWav(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<unsigned char> b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto u32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
           static_cast<std::uint32_t>(b[at + 2]) << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
  };
  auto u16 = [&](std::size_t at) { return static_cast<int>(b[at] | b[at + 1] << 8); };
  auto tag = [&](std::size_t at, const char* t) { return std::equal(t, t + 4, b.begin() + static_cast<long>(at)); };
  if (b.size() < 12 || !tag(0, "RIFF") || !tag(8, "WAVE") || u32(4) != b.size() - 8) return std::nullopt;
  Wav wav;
  bool haveFormat = false;
  for (std::size_t at = 12; at + 8 <= b.size();) {
    const std::size_t size = u32(at + 4), body = at + 8;
    if (body + size > b.size()) return std::nullopt;
    if (tag(at, "fmt ") && size >= 16) {
      if (u16(body) != 1) return std::nullopt;   // PCM only
      wav.channels = u16(body + 2);
      wav.sampleRate = static_cast<int>(u32(body + 4));
      wav.bitsPerSample = u16(body + 14);
      haveFormat = true;
    } else if (tag(at, "data")) {
      if (!haveFormat || wav.bitsPerSample != 16 || size % 2) return std::nullopt;
      for (std::size_t i = body; i < body + size; i += 2)
        wav.samples.push_back(static_cast<std::int16_t>(static_cast<std::uint16_t>(u16(i))));
      return wav;
    }
    at = body + size + (size & 1);
  }
  return std::nullopt;
}

/// What a ProbeSink saw; shared by the test and the sink the guide owns.
struct SinkLog {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::string> calls;   // "begin", "end", "cancel" (writes are counted)
  std::size_t writes = 0;
  bool holdFirstWrite = false;
  bool inFirstWrite = false;
  bool released = false;

  void release() {
    { std::lock_guard lock(mutex); released = true; }
    changed.notify_all();
  }
  bool waitForFirstWrite() {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, kPatience, [this] { return inFirstWrite || writes > 0; });
  }
  std::vector<std::string> snapshot() {
    std::lock_guard lock(mutex);
    return calls;
  }
};

/// Records the calls, forwards them to an inner sink (if any), and optionally holds the
/// first write until SinkLog::release() — a deterministic "still speaking" moment.
class ProbeSink final : public AudioSink {
 public:
  ProbeSink(std::shared_ptr<SinkLog> log, std::unique_ptr<AudioSink> inner = nullptr)
      : log_(std::move(log)), inner_(std::move(inner)) {}

  void begin(int sampleRate) override {
    note("begin");
    if (inner_) inner_->begin(sampleRate);
  }
  bool write(const std::int16_t* samples, std::size_t count) override {
    {
      std::unique_lock lock(log_->mutex);
      if (log_->holdFirstWrite && log_->writes == 0) {
        log_->inFirstWrite = true;
        log_->changed.notify_all();
        log_->changed.wait(lock, [this] { return log_->released; });
      }
      ++log_->writes;
    }
    log_->changed.notify_all();
    return inner_ ? inner_->write(samples, count) : true;
  }
  void end() override {
    if (inner_) inner_->end();
    note("end");
  }
  void cancel() override {
    if (inner_) inner_->cancel();
    note("cancel");
  }

 private:
  void note(const char* call) {
    { std::lock_guard lock(log_->mutex); log_->calls.emplace_back(call); }
    log_->changed.notify_all();
  }

  std::shared_ptr<SinkLog> log_;
  std::unique_ptr<AudioSink> inner_;
};

}  // namespace onestop::voice::test
