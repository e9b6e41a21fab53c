#pragma once
// What the session keeps of a scanned code: its classification, and for a certificate
// seal the outcome of the offline check and the masked data an authentic seal carries.
// The app fills it (it holds the public keys); screens show it.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/code_payload.hpp"

namespace onestop::core {

/// The seal check as a citizen needs to know it (docs/seal.md "Verifying").
enum class SealCheck {
  Valid,         ///< authentic and within its validity (revocation is checked online only)
  Expired,       ///< authentic, validity over
  NotGenuine,    ///< bad signature: forged or altered
  CannotCheck,   ///< key unknown here or no longer trusted
  Malformed,     ///< looks like a seal but is not one
};

struct ScanResult {
  CodeKind kind = CodeKind::Unusable;
  std::string value;       ///< Receipt: acceptance number; QueueTicket: ticket number
  std::string day;         ///< QueueTicket: "YYYY-MM-DD"
  std::string esscToken;   ///< EsscToken: a credential, for the server only; wiped with the session

  // CertificateSeal (the data only for Valid and Expired).
  SealCheck seal = SealCheck::Malformed;
  char certificateType = 0;   ///< 'P', 'R', 'B'
  std::string serial, maskedName, maskedIdNumber;
  std::int64_t issuedAt = 0, validUntil = 0;   ///< epoch seconds, UTC

  ScanResult() = default;
  ScanResult(const ScanResult&) = default;
  ScanResult& operator=(const ScanResult&) = default;
  ~ScanResult();   ///< overwrites the token and the masked data (copies of events too)
  void wipe();
};

/// i18n key of the result screen's heading for a kind: "scan.result.receipt", ...
std::string_view scanResultTitleKey(CodeKind kind);

/// i18n key of a seal outcome: "scan.seal.valid", "scan.seal.expired", ...
std::string_view sealCheckKey(SealCheck check);
/// i18n key of a certificate type code: "scan.certificate.P" ...; "scan.certificate.unknown".
std::string_view certificateTypeKey(char code);

}  // namespace onestop::core
