#include "core/code_payload.hpp"

#include <algorithm>
#include <chrono>

namespace onestop::core {
namespace {

constexpr std::string_view kEsscPrefix = "ESSC1.";
constexpr std::string_view kSealPrefix = "OSS1.";
constexpr std::string_view kReceiptPrefix = "OSR1.";
constexpr std::string_view kTicketPrefix = "OSQ1.";
constexpr std::string_view kHttpsPrefix = "https://";
constexpr std::string_view kLinkSealPath = "/v/";
constexpr std::size_t kEsscBodyLength = 32;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpperHex(char c) { return isDigit(c) || (c >= 'A' && c <= 'F'); }
bool allOf(std::string_view s, bool (*pred)(char)) { return std::all_of(s.begin(), s.end(), pred); }

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

ClassifiedCode unusable(std::string reason) { return {CodeKind::Unusable, {}, {}, std::move(reason)}; }

// The seal's own character set (docs/seal.md, "Verifying" step 1).
bool isSealChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '.' || c == '-' || c == '_' ||
         c == '*';
}

ClassifiedCode classifyEssc(std::string_view text) {
  const auto body = text.substr(kEsscPrefix.size());
  if (body.size() != kEsscBodyLength || !allOf(body, isUpperHex))
    return unusable("e-SSC token: the body must be 32 upper-case hex digits");
  return {CodeKind::EsscToken, std::string(text), {}, {}};
}

ClassifiedCode classifySeal(std::string_view text) {
  if (text.size() > kMaxSealTextBytes) return unusable("seal: longer than 250 characters");
  if (!allOf(text, isSealChar)) return unusable("seal: a character outside A-Z a-z 0-9 . - _ *");
  if (std::count(text.begin(), text.end(), '.') != 9) return unusable("seal: not ten fields");
  return {CodeKind::CertificateSeal, std::string(text), {}, {}};
}

// https://<host>[/path]/v/<seal>: the seal after the last "/v/" decides; the host does not
// (a kiosk never opens the link, and the seal's signature is what proves the certificate).
ClassifiedCode classifySealLink(std::string_view text) {
  const auto at = text.rfind(kLinkSealPath);
  if (at == std::string_view::npos || at < kHttpsPrefix.size() + 1)
    return unusable("link: not a certificate verification link (…/v/<seal>)");
  const auto seal = text.substr(at + kLinkSealPath.size());
  if (!startsWith(seal, kSealPrefix)) return unusable("link: no OSS1 seal after /v/");
  return classifySeal(seal);
}

ClassifiedCode classifyReceipt(std::string_view number) {
  if (number.size() != 16 || !allOf(number, isDigit)) return unusable("receipt: not 16 digits");
  if (!isWellFormedAcceptanceNumber(number)) return unusable("receipt: wrong check digit");
  return {CodeKind::Receipt, std::string(number), {}, {}};
}

// OSQ1.<YYYYMMDD>.<letter><3 digits>
ClassifiedCode classifyTicket(std::string_view text) {
  const auto rest = text.substr(kTicketPrefix.size());
  if (rest.size() != 13 || rest[8] != '.') return unusable("queue ticket: not <YYYYMMDD>.<A000>");
  const auto day = rest.substr(0, 8), number = rest.substr(9);
  if (!allOf(day, isDigit)) return unusable("queue ticket: day is not 8 digits");
  if (number[0] < 'A' || number[0] > 'Z' || !allOf(number.substr(1), isDigit) || number.substr(1) == "000")
    return unusable("queue ticket: number is not a letter and 001-999");
  auto n = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (char c : day.substr(at, len)) v = v * 10 + (c - '0');
    return v;
  };
  const std::chrono::year_month_day ymd{std::chrono::year(n(0, 4)), std::chrono::month(static_cast<unsigned>(n(4, 2))),
                                        std::chrono::day(static_cast<unsigned>(n(6, 2)))};
  if (!ymd.ok() || n(0, 4) < 2000) return unusable("queue ticket: not a calendar day");
  std::string iso(day.substr(0, 4));
  iso += '-';
  iso += day.substr(4, 2);
  iso += '-';
  iso += day.substr(6, 2);
  return {CodeKind::QueueTicket, std::string(number), std::move(iso), {}};
}

}  // namespace

std::string_view nameOf(CodeKind kind) {
  switch (kind) {
    case CodeKind::EsscToken: return "essc_token";
    case CodeKind::CertificateSeal: return "certificate_seal";
    case CodeKind::Receipt: return "receipt";
    case CodeKind::QueueTicket: return "queue_ticket";
    case CodeKind::Unusable: return "unusable";
  }
  return "unusable";
}

char luhnCheckDigit(std::string_view digits) {
  int sum = 0;
  bool twice = true;   // the check digit will be appended on the right
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool isWellFormedAcceptanceNumber(std::string_view text) {
  return text.size() == 16 && allOf(text, isDigit) && luhnCheckDigit(text.substr(0, 15)) == text[15];
}

ClassifiedCode classifyCode(std::string_view text) {
  if (text.empty()) return unusable("empty");
  if (text.size() > kMaxCodeTextBytes) return unusable("longer than 512 bytes");
  // Every accepted form is printable ASCII; this also refuses binary and non-ASCII text.
  if (!allOf(text, [](char c) { return c >= 0x21 && c <= 0x7E; }))
    return unusable("a byte outside printable ASCII (binary, non-ASCII or whitespace)");
  if (startsWith(text, kEsscPrefix)) return classifyEssc(text);
  if (startsWith(text, kSealPrefix)) return classifySeal(text);
  if (startsWith(text, kHttpsPrefix)) return classifySealLink(text);
  if (startsWith(text, kReceiptPrefix)) return classifyReceipt(text.substr(kReceiptPrefix.size()));
  if (startsWith(text, kTicketPrefix)) return classifyTicket(text);
  // A bare acceptance number, as a receipt's barcode or a typed number would give it.
  if (text.size() == 16 && allOf(text, isDigit)) return classifyReceipt(text);
  return unusable("not one of the forms this kiosk knows");
}

std::string certificateLink(std::string_view verifyUrl, std::string_view seal) {
  std::string link(verifyUrl);
  while (!link.empty() && link.back() == '/') link.pop_back();
  link.append(kLinkSealPath);
  link.append(seal);
  return link;
}

bool isUsableVerifyUrl(std::string_view url) {
  if (url.size() > kMaxVerifyUrlBytes || !startsWith(url, kHttpsPrefix)) return false;
  const auto rest = url.substr(kHttpsPrefix.size());
  if (rest.empty() || rest.front() == '/' || rest.front() == ':') return false;
  return allOf(rest, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '.' || c == '-' || c == '_' ||
           c == ':' || c == '/' || c == '~';
  });
}

}  // namespace onestop::core
