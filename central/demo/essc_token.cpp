#include "demo/essc_token.hpp"

#include <array>

#include <sodium.h>

namespace onestop::central::demo {
namespace {

using Digest = std::array<unsigned char, crypto_hash_sha256_BYTES>;

Digest sha256(std::string_view bytes) {
  // SHA-256 needs no set-up, but libsodium asks for sodium_init() before any call.
  static const bool initialised = sodium_init() >= 0;
  (void)initialised;
  Digest digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return digest;
}

std::string hex(const unsigned char* bytes, std::size_t n, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0x0F];
  }
  return out;
}

// Upper-case hex keeps the token in the QR alphanumeric set (a smaller code).
std::string tokenFrom(std::string_view material) {
  const Digest d = sha256(material);
  return "ESSC1." + hex(d.data(), 16, true);
}

}  // namespace

std::string demoEsscToken(std::string_view key) {
  return tokenFrom("onestop demo e-SSC token v1:" + std::string(key));
}

std::string syntheticEsscToken(std::uint64_t seed, std::int64_t index) {
  return tokenFrom("onestop synthetic e-SSC token v1:" + std::to_string(seed) + ":" + std::to_string(index));
}

std::string esscTokenHash(std::string_view token) {
  const Digest d = sha256(token);
  return hex(d.data(), d.size(), false);
}

}  // namespace onestop::central::demo
