#pragma once
// A certificate at the kiosk, as the session tracks it: asked of the central server (which
// signs it), shown as a preview, printed, taken — or why not and what to do instead. The
// document itself (PDF, preview pixels) stays in the app; the session holds only what the
// screens say about it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::core {

/// Whether the central system can be reached (the app derives it from real exchanges).
enum class LinkStatus { Unknown, Online, Degraded, Offline };

/// Months a certificate covers, "YYYY-MM", both inclusive.
struct MonthPeriod {
  std::string from, to;
  bool operator==(const MonthPeriod&) const = default;
};

/// What the citizen taps on the period screen: the whole record, the last 12 or 36 months
/// (this month included), or one calendar year.
struct PeriodChoice {
  enum class Kind { WholeRecord, LastMonths, Year } kind = Kind::WholeRecord;
  int value = 0;   ///< LastMonths: how many (12, 36); Year: which
  bool operator==(const PeriodChoice&) const = default;
};

/// The months of `choice` made in `year`-`month` (the kiosk's today): nothing for the whole
/// record (the server settles where it starts), nor for a choice that is not offered.
std::optional<MonthPeriod> periodOf(PeriodChoice choice, int year, int month);
/// The calendar years offered as buttons: this year and the four before, newest first.
std::vector<int> offeredPeriodYears(int year);
/// The periods of the last months offered as buttons.
inline constexpr int kOfferedLastMonths[] = {12, 36};

enum class CertificatePhase {
  ChoosingPeriod,   ///< which months it covers: one tap chooses and asks
  Requesting,   ///< the server is issuing it (identify, then issue)
  Preview,      ///< shown before printing; the citizen confirms
  Printing,     ///< the job is with the printer
  Done,         ///< the printer reported the job completed: "please take your document"
  Failed,       ///< not issued or not printed: why, and what to do instead
};

struct CertificateFlow {
  std::uint64_t request = 0;     ///< matches the app's answers to this request; stale ones are ignored
  std::string type;              ///< API type: participation | rights_record | benefit
  CertificatePhase phase = CertificatePhase::ChoosingPeriod;
  std::optional<PeriodChoice> choice;   ///< what was tapped (kept for a retry)
  std::optional<MonthPeriod> asked;     ///< the months asked for; none = the whole record
  MonthPeriod period;                   ///< the months the issued document covers (the server's word)
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
