#pragma once
// What a scanned code is, judged from its text alone (docs/qr-payloads.md). Pure: a seal
// is recognised here by its shape only; the app checks its signature with the cached
// public keys. Limits are strict: text that is not exactly one of the known forms is
// Unusable, and `reason` names the rule it broke — never the content, since an e-SSC
// token is a credential.
#include <cstddef>
#include <string>
#include <string_view>

namespace onestop::core {

enum class CodeKind {
  EsscToken,         ///< electronic social security card login token (opaque, for the server)
  CertificateSeal,   ///< "OSS1.…" seal, or "https://…/v/OSS1.…" link, from a printed certificate
  Receipt,           ///< acceptance number from a receipt: progress query
  QueueTicket,       ///< queue ticket printed by a kiosk
  Unusable,          ///< anything else: "not a code this kiosk can use"
};
std::string_view nameOf(CodeKind kind);   ///< "essc_token", "certificate_seal", ...

/// No accepted form is longer (the server's e-SSC token limit).
inline constexpr std::size_t kMaxCodeTextBytes = 512;
/// docs/seal.md: a seal is at most 250 characters.
inline constexpr std::size_t kMaxSealTextBytes = 250;

struct ClassifiedCode {
  CodeKind kind = CodeKind::Unusable;
  /// EsscToken: the token. CertificateSeal: the whole seal text. Receipt: the 16-digit
  /// acceptance number. QueueTicket: the ticket number ("A012"). Unusable: empty.
  std::string value;
  std::string day;      ///< QueueTicket: the day it was issued, "YYYY-MM-DD"
  std::string reason;   ///< Unusable: which rule the text broke (for the log; no content)
};

ClassifiedCode classifyCode(std::string_view text);

/// The verification link printed in a certificate's QR code (docs/seal.md, "QR code"):
/// `<verifyUrl>/v/<seal>`; a phone opens the public verification page, a kiosk reads the
/// seal back with classifyCode. A trailing '/' of `verifyUrl` is not doubled.
std::string certificateLink(std::string_view verifyUrl, std::string_view seal);
/// A verification URL a hall may configure: "https://" + host[:port][/path], printable
/// ASCII without query, fragment, user info or spaces, at most kMaxVerifyUrlBytes.
bool isUsableVerifyUrl(std::string_view url);
inline constexpr std::size_t kMaxVerifyUrlBytes = 64;

/// 16 digits whose last is the Luhn check digit of the first 15 (central/api/acceptance_number).
inline constexpr std::size_t kAcceptanceNumberDigits = 16;
bool isWellFormedAcceptanceNumber(std::string_view text);
/// The Luhn digit to append to `digits` (all '0'–'9').
char luhnCheckDigit(std::string_view digits);

}  // namespace onestop::core
