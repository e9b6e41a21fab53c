#pragma once
// What a seal says about a certificate, and its canonical byte string (the bytes that are
// signed). docs/seal.md describes the format for third-party verifiers.
//
//   OSS1.<kid>.<serial>.<type>.<issuedAt>.<validUntil>.<name>.<idNumber>.<digest>
//
// Fields are separated by '.', in this order, with nothing optional: one payload has
// exactly one canonical form. The seal text appends ".<signature>".
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "seal/result.hpp"

namespace onestop::central::seal {

enum class CertificateType {
  Participation,  ///< participation certificate (参保缴费证明), code 'P'
  RightsRecord,   ///< personal rights record (个人权益记录单), code 'R'
  Benefit,        ///< benefit certificate (待遇领取证明), code 'B'
};

/// "participation" | "rights_record" | "benefit" (API and docs name).
std::string_view certificateTypeName(CertificateType type);
std::optional<CertificateType> certificateTypeFromName(std::string_view name);
/// The one-letter code used in the seal: 'P' | 'R' | 'B'.
char certificateTypeCode(CertificateType type);
std::optional<CertificateType> certificateTypeFromCode(char code);

inline constexpr std::size_t kDocumentDigestBytes = 16;
inline constexpr std::size_t kSignatureBytes = 64;
inline constexpr std::size_t kPublicKeyBytes = 32;
using DocumentDigest = std::array<std::uint8_t, kDocumentDigestBytes>;
using Signature = std::array<std::uint8_t, kSignatureBytes>;
using PublicKeyBytes = std::array<std::uint8_t, kPublicKeyBytes>;

inline constexpr std::string_view kSealVersion = "OSS1";
inline constexpr std::size_t kMaxKidLength = 12;           ///< [a-z0-9-]
inline constexpr std::size_t kMaxSerialLength = 24;        ///< [A-Za-z0-9-]
inline constexpr std::size_t kMaxMaskedNameBytes = 36;     ///< UTF-8 bytes
inline constexpr std::size_t kMaxMaskedIdLength = 24;      ///< [0-9A-Z*]
inline constexpr std::size_t kMaxTimestampDigits = 10;     ///< up to 9999999999 (year 2286)
/// The longest seal text the limits above allow (fits QR version 10 at level L).
inline constexpr std::size_t kMaxSealLength = 250;

struct SealPayload {
  std::string kid;             ///< id of the signing key
  std::string serial;          ///< certificate serial (revocation is by serial)
  CertificateType type = CertificateType::Participation;
  Timestamp issuedAt = 0;
  Timestamp validUntil = 0;    ///< the certificate is valid while now < validUntil
  std::string maskedName;      ///< e.g. 张*三 (must already be masked: contains '*')
  std::string maskedIdNumber;  ///< e.g. 110105********002X (must contain '*')
  DocumentDigest documentDigest{};  ///< binds the certificate's content (document_digest.hpp)

  bool operator==(const SealPayload&) const = default;
};

bool isValidKid(std::string_view kid);
bool isValidSerial(std::string_view serial);

/// The first problem with `payload` (a message naming the field and the rule), or nothing.
std::optional<std::string> checkPayload(const SealPayload& payload);

/// The exact bytes that are signed. Precondition: checkPayload(payload) found nothing.
std::string canonicalPayload(const SealPayload& payload);

}  // namespace onestop::central::seal
