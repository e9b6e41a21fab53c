#include "voice/wav_file_sink.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <fmt/format.h>
#include <limits>
#include <system_error>

namespace onestop::voice {
namespace {

constexpr std::size_t kHeaderBytes = 44;
// A RIFF size field is 32 bits; stop well before it wraps (about 27 h at 22 kHz).
constexpr std::uint32_t kMaxDataBytes = std::numeric_limits<std::uint32_t>::max() - kHeaderBytes;

void putLe(std::ostream& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.put(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void writeHeader(std::ostream& out, std::uint32_t sampleRate, std::uint32_t dataBytes) {
  constexpr std::uint32_t kChannels = 1, kBitsPerSample = 16, kBlockAlign = kChannels * kBitsPerSample / 8;
  out.write("RIFF", 4);
  putLe(out, 36 + dataBytes, 4);
  out.write("WAVEfmt ", 8);
  putLe(out, 16, 4);   // fmt chunk size
  putLe(out, 1, 2);    // PCM
  putLe(out, kChannels, 2);
  putLe(out, sampleRate, 4);
  putLe(out, sampleRate * kBlockAlign, 4);   // byte rate
  putLe(out, kBlockAlign, 2);
  putLe(out, kBitsPerSample, 2);
  out.write("data", 4);
  putLe(out, dataBytes, 4);
}

}  // namespace

WavFileSink::WavFileSink(std::filesystem::path directory) : directory_(std::move(directory)) {
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  usable_ = !ec;
  if (!usable_) spdlog::error("voice: cannot create WAV directory {}: {}", directory_.string(), ec.message());
}

WavFileSink::~WavFileSink() { discard(); }

std::filesystem::path WavFileSink::nextFile() const {
  return directory_ / fmt::format("utterance-{:04}.wav", nextNumber_);
}

std::filesystem::path WavFileSink::partFile() const {
  auto part = nextFile();
  part += ".part";
  return part;
}

void WavFileSink::begin(int sampleRate) {
  discard();
  if (!usable_) return;
  out_.open(partFile(), std::ios::binary | std::ios::trunc);
  if (!out_) {
    spdlog::error("voice: cannot write {}", partFile().string());
    return;
  }
  dataBytes_ = 0;
  writeHeader(out_, static_cast<std::uint32_t>(sampleRate), 0);   // sizes patched in end()
  sampleRate_ = static_cast<std::uint32_t>(sampleRate);
}

bool WavFileSink::write(const std::int16_t* samples, std::size_t count) {
  if (!out_.is_open()) return false;
  const std::size_t bytes = count * sizeof(std::int16_t);
  if (bytes > kMaxDataBytes - dataBytes_) return false;
  for (std::size_t i = 0; i < count; ++i) putLe(out_, static_cast<std::uint16_t>(samples[i]), 2);
  dataBytes_ += static_cast<std::uint32_t>(bytes);
  return static_cast<bool>(out_);
}

void WavFileSink::end() {
  if (!out_.is_open()) return;
  out_.seekp(0);
  writeHeader(out_, sampleRate_, dataBytes_);
  out_.close();
  std::error_code ec;
  if (!out_) {
    spdlog::error("voice: writing {} failed", partFile().string());
  } else if (std::filesystem::rename(partFile(), nextFile(), ec); ec) {
    spdlog::error("voice: cannot rename {} to {}: {}", partFile().string(), nextFile().string(), ec.message());
  } else {
    ++nextNumber_;
    return;
  }
  out_.clear();
  std::filesystem::remove(partFile(), ec);
}

void WavFileSink::cancel() { discard(); }

void WavFileSink::discard() {
  if (!out_.is_open()) return;
  out_.close();
  out_.clear();
  std::error_code ec;
  std::filesystem::remove(partFile(), ec);
}

}  // namespace onestop::voice
