#pragma once
// Base64url without padding (RFC 4648 §5), decoded strictly: only the 64 alphabet
// characters, no padding, no whitespace, and unused trailing bits must be zero, so every
// byte string has exactly one text form. Seals depend on that: one payload, one text.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::central::seal {

std::string base64urlEncode(std::span<const std::uint8_t> bytes);
std::string base64urlEncode(std::string_view bytes);

/// The decoded bytes, or nothing when `text` is not the canonical encoding of any bytes.
std::optional<std::vector<std::uint8_t>> base64urlDecode(std::string_view text);

/// Length of the encoding of `byteCount` bytes.
constexpr std::size_t base64urlLength(std::size_t byteCount) {
  return (byteCount * 4 + 2) / 3;
}

}  // namespace onestop::central::seal
