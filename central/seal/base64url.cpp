#include "seal/base64url.hpp"

#include <sodium.h>

namespace onestop::central::seal {
namespace {

bool isAlphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_';
}

}  // namespace

std::string base64urlEncode(std::span<const std::uint8_t> bytes) {
  constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
  out.resize(base64urlLength(bytes.size()));  // drop the terminating NUL
  return out;
}

std::string base64urlEncode(std::string_view bytes) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  return base64urlEncode(std::span(data, bytes.size()));
}

std::optional<std::vector<std::uint8_t>> base64urlDecode(std::string_view text) {
  // A length of 1 (mod 4) can encode no whole byte.
  if (text.size() % 4 == 1) return std::nullopt;
  for (char c : text) {
    if (!isAlphabet(c)) return std::nullopt;
  }
  std::vector<std::uint8_t> out(text.size() * 3 / 4 + 1);
  std::size_t length = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  // libsodium already rejects non-zero trailing bits; the round trip makes the
  // one-text-per-bytes rule independent of the library version.
  if (base64urlEncode(out) != text) return std::nullopt;
  return out;
}

}  // namespace onestop::central::seal
