#include "seal/payload.hpp"

#include "seal/base64url.hpp"

namespace onestop::central::seal {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Well-formed UTF-8 (shortest form, no surrogates) without control characters, so a
// masked name can be shown as it is.
bool isPrintableUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    char32_t cp = 0;
    if (lead < 0x80) {
      cp = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1, cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2, cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3, cp = lead & 0x07u;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cont = static_cast<unsigned char>(text[i + k]);
      if ((cont & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (cont & 0x3Fu);
    }
    const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    if (overlong || surrogate || control || cp > 0x10FFFF) return false;
    i += extra + 1;
  }
  return true;
}

}  // namespace

std::string_view certificateTypeName(CertificateType type) {
  switch (type) {
    case CertificateType::Participation: return "participation";
    case CertificateType::RightsRecord: return "rights_record";
    case CertificateType::Benefit: return "benefit";
  }
  return "participation";
}

std::optional<CertificateType> certificateTypeFromName(std::string_view name) {
  for (auto type : {CertificateType::Participation, CertificateType::RightsRecord,
                    CertificateType::Benefit}) {
    if (certificateTypeName(type) == name) return type;
  }
  return std::nullopt;
}

char certificateTypeCode(CertificateType type) {
  switch (type) {
    case CertificateType::Participation: return 'P';
    case CertificateType::RightsRecord: return 'R';
    case CertificateType::Benefit: return 'B';
  }
  return 'P';
}

std::optional<CertificateType> certificateTypeFromCode(char code) {
  switch (code) {
    case 'P': return CertificateType::Participation;
    case 'R': return CertificateType::RightsRecord;
    case 'B': return CertificateType::Benefit;
    default: return std::nullopt;
  }
}

bool isValidKid(std::string_view kid) {
  if (kid.empty() || kid.size() > kMaxKidLength) return false;
  for (char c : kid) {
    if (!isLower(c) && !isDigit(c) && c != '-') return false;
  }
  return true;
}

bool isValidSerial(std::string_view serial) {
  if (serial.empty() || serial.size() > kMaxSerialLength) return false;
  for (char c : serial) {
    if (!isLower(c) && !isUpper(c) && !isDigit(c) && c != '-') return false;
  }
  return true;
}

std::optional<std::string> checkPayload(const SealPayload& p) {
  if (!isValidKid(p.kid)) {
    return "kid must be 1-" + std::to_string(kMaxKidLength) + " characters of [a-z0-9-]";
  }
  if (!isValidSerial(p.serial)) {
    return "serial must be 1-" + std::to_string(kMaxSerialLength) +
           " characters of [A-Za-z0-9-]";
  }
  constexpr Timestamp maxTime = 9'999'999'999;
  if (p.issuedAt < 0 || p.issuedAt > maxTime) return "issuedAt is out of range";
  if (p.validUntil < 0 || p.validUntil > maxTime) return "validUntil is out of range";
  if (p.validUntil <= p.issuedAt) return "validUntil must be later than issuedAt";
  const std::string_view name = p.maskedName;
  if (name.empty() || name.size() > kMaxMaskedNameBytes) {
    return "maskedName must be 1-" + std::to_string(kMaxMaskedNameBytes) + " bytes of UTF-8";
  }
  if (!isPrintableUtf8(name)) return "maskedName is not printable UTF-8";
  if (name.find('*') == std::string_view::npos) return "maskedName is not masked (no '*')";
  const std::string_view id = p.maskedIdNumber;
  if (id.empty() || id.size() > kMaxMaskedIdLength) {
    return "maskedIdNumber must be 1-" + std::to_string(kMaxMaskedIdLength) +
           " characters of [0-9A-Z*]";
  }
  for (char c : id) {
    if (!isDigit(c) && !isUpper(c) && c != '*') {
      return "maskedIdNumber must be characters of [0-9A-Z*]";
    }
  }
  if (id.find('*') == std::string_view::npos) return "maskedIdNumber is not masked (no '*')";
  return std::nullopt;
}

std::string canonicalPayload(const SealPayload& p) {
  std::string out;
  out.reserve(kMaxSealLength);
  out.append(kSealVersion).append(".");
  out.append(p.kid).append(".");
  out.append(p.serial).append(".");
  out.push_back(certificateTypeCode(p.type));
  out.append(".");
  out.append(std::to_string(p.issuedAt)).append(".");
  out.append(std::to_string(p.validUntil)).append(".");
  out.append(base64urlEncode(p.maskedName)).append(".");
  out.append(p.maskedIdNumber).append(".");
  out.append(base64urlEncode(p.documentDigest));
  return out;
}

}  // namespace onestop::central::seal
