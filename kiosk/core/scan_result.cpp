#include "core/scan_result.hpp"

#include "core/i18n_key.hpp"
#include "core/secure_wipe.hpp"

namespace onestop::core {

ScanResult::~ScanResult() {
  secureWipe(esscToken);
  secureWipe(maskedName);
  secureWipe(maskedIdNumber);
}

void ScanResult::wipe() {
  secureWipe(esscToken);
  secureWipe(maskedName);
  secureWipe(maskedIdNumber);
  *this = ScanResult{};
}

std::string_view sealCheckKey(SealCheck check) {
  switch (check) {
    case SealCheck::Valid: return "scan.seal.valid"_k;
    case SealCheck::Expired: return "scan.seal.expired"_k;
    case SealCheck::NotGenuine: return "scan.seal.not_genuine"_k;
    case SealCheck::CannotCheck: return "scan.seal.cannot_check"_k;
    case SealCheck::Malformed: return "scan.seal.malformed"_k;
  }
  return "scan.seal.malformed"_k;
}

std::string_view scanResultTitleKey(CodeKind kind) {
  switch (kind) {
    case CodeKind::EsscToken: return "scan.result.essc_token"_k;
    case CodeKind::CertificateSeal: return "scan.result.certificate_seal"_k;
    case CodeKind::Receipt: return "scan.result.receipt"_k;
    case CodeKind::QueueTicket: return "scan.result.queue_ticket"_k;
    case CodeKind::Unusable: return "scan.result.unusable"_k;
  }
  return "scan.result.unusable"_k;
}

std::string_view certificateTypeKey(char code) {
  switch (code) {
    case 'P': return "scan.certificate.P"_k;
    case 'R': return "scan.certificate.R"_k;
    case 'B': return "scan.certificate.B"_k;
    default: return "scan.certificate.unknown"_k;
  }
}

}  // namespace onestop::core
