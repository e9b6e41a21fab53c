#include "seal/seal_text.hpp"

#include <algorithm>
#include <array>

#include "seal/base64url.hpp"

namespace onestop::central::seal {
namespace {

constexpr std::size_t kFieldCount = 10;  // version, 8 payload fields, signature

bool isSealChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_' || c == '.' || c == '*';
}

// Decimal with no sign, no leading zero (except "0" itself) and at most 10 digits.
std::optional<Timestamp> parseTimestamp(std::string_view text) {
  if (text.empty() || text.size() > kMaxTimestampDigits) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;
  Timestamp value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

template <std::size_t N>
std::optional<std::array<std::uint8_t, N>> decodeFixed(std::string_view text) {
  auto bytes = base64urlDecode(text);
  if (!bytes || bytes->size() != N) return std::nullopt;
  std::array<std::uint8_t, N> out{};
  std::copy(bytes->begin(), bytes->end(), out.begin());
  return out;
}

Error malformed(std::string message) { return Error{"malformed seal: " + std::move(message)}; }

}  // namespace

std::string encodeSeal(const SealPayload& payload, const Signature& signature) {
  return canonicalPayload(payload) + "." + base64urlEncode(signature);
}

Result<ParsedSeal> parseSeal(std::string_view text) {
  if (text.empty()) return malformed("empty");
  if (text.size() > kMaxSealLength) {
    return malformed(std::to_string(text.size()) + " characters; at most " +
                     std::to_string(kMaxSealLength));
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) {
      return malformed("non-ASCII byte at position " + std::to_string(i));
    }
    if (!isSealChar(text[i])) {
      return malformed("character outside [A-Za-z0-9._*-] at position " + std::to_string(i));
    }
  }

  std::array<std::string_view, kFieldCount> f;
  std::size_t count = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::size_t end = dot == std::string_view::npos ? text.size() : dot;
    if (count == kFieldCount) {
      return malformed("more than " + std::to_string(kFieldCount) + " '.'-separated fields");
    }
    f[count++] = text.substr(start, end - start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (count != kFieldCount) {
    return malformed(std::to_string(count) + " '.'-separated fields; expected " +
                     std::to_string(kFieldCount));
  }

  if (f[0] != kSealVersion) return malformed("unknown version (expected OSS1)");
  ParsedSeal seal;
  SealPayload& p = seal.payload;
  p.kid = std::string(f[1]);
  if (!isValidKid(p.kid)) return malformed("kid (field 2) is not 1-12 characters of [a-z0-9-]");
  p.serial = std::string(f[2]);
  if (!isValidSerial(p.serial)) {
    return malformed("serial (field 3) is not 1-24 characters of [A-Za-z0-9-]");
  }
  const auto type = f[3].size() == 1 ? certificateTypeFromCode(f[3][0]) : std::nullopt;
  if (!type) return malformed("type (field 4) is not one of P, R, B");
  p.type = *type;
  const auto issued = parseTimestamp(f[4]);
  if (!issued) return malformed("issuedAt (field 5) is not a decimal of 1-10 digits");
  p.issuedAt = *issued;
  const auto valid = parseTimestamp(f[5]);
  if (!valid) return malformed("validUntil (field 6) is not a decimal of 1-10 digits");
  p.validUntil = *valid;
  const auto name = base64urlDecode(f[6]);
  if (!name) return malformed("maskedName (field 7) is not canonical base64url");
  p.maskedName.assign(name->begin(), name->end());
  p.maskedIdNumber = std::string(f[7]);
  const auto digest = decodeFixed<kDocumentDigestBytes>(f[8]);
  if (!digest) return malformed("documentDigest (field 9) is not 16 bytes of canonical base64url");
  p.documentDigest = *digest;
  const auto signature = decodeFixed<kSignatureBytes>(f[9]);
  if (!signature) return malformed("signature (field 10) is not 64 bytes of canonical base64url");
  seal.signature = *signature;

  if (auto problem = checkPayload(p)) return malformed(std::move(*problem));
  // Strict field parsing makes this hold; it is checked so that what is signed can only
  // ever be what was read.
  if (canonicalPayload(p) != text.substr(0, text.rfind('.'))) {
    return malformed("payload is not in canonical form");
  }
  return seal;
}

}  // namespace onestop::central::seal
