#pragma once
// A certificate at the kiosk, as the session tracks it: asked of the central server (which
// signs it), shown as a preview, printed, taken — or why not and what to do instead. The
// document itself (PDF, preview pixels) stays in the app; the session holds only what the
// screens say about it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onestop::core {

/// Whether the central system can be reached (the app derives it from real exchanges).
enum class LinkStatus { Unknown, Online, Degraded, Offline };

enum class CertificatePhase {
  Requesting,   ///< the server is issuing it (identify, then issue)
  Preview,      ///< shown before printing; the citizen confirms
  Printing,     ///< the job is with the printer
  Done,         ///< the printer reported the job completed: "please take your document"
  Failed,       ///< not issued or not printed: why, and what to do instead
};

struct CertificateFlow {
  std::uint64_t request = 0;     ///< matches the app's answers to this request; stale ones are ignored
  std::string type;              ///< API type: participation | rights_record | benefit
  CertificatePhase phase = CertificatePhase::Requesting;
  // What the preview and the done screen say (no personal data: masked or public facts).
  std::string serial, verificationCode, validUntil, acceptanceNumber;
  int pages = 0;
  // Failed.
  std::string problemKey;        ///< i18n key of what went wrong
  bool printFailed = false;      ///< the certificate exists; printing may be tried again
  bool receiptPrinted = false;   ///< Done: the receipt came out too
};

/// The API certificate type of a certificate service ("cert_participation" → "participation"),
/// or nothing for services that issue no certificate.
std::optional<std::string_view> certificateTypeOfService(std::string_view serviceId);

}  // namespace onestop::core
