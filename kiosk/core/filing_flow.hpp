#pragma once
// A filing at the kiosk (front desk accepts, back office approves), as the session tracks
// it: the citizen keys in the new value, confirms it, the kiosk commits it to its durable
// outbox and then either the server's acceptance number comes back (a receipt with the
// time limit) or — offline, or no answer in time — a provisional receipt with the kiosk's
// own reference; the relay delivers it when the link is back. Only change of phone number
// is filed at the kiosk so far.
#include <cstdint>
#include <string>
#include <string_view>

namespace onestop::core {

enum class FilingPhase {
  Entering,      ///< keypad: the new phone number
  Confirming,    ///< "is this right?"
  Submitting,    ///< being committed to the outbox / sent
  Accepted,      ///< the server gave an acceptance number
  Provisional,   ///< kept at the kiosk: sent when the link is back
  Failed,        ///< could not be kept (disk full…): nothing was filed
};

struct FilingFlow {
  std::uint64_t request = 0;
  std::string service;        ///< "change_phone"
  FilingPhase phase = FilingPhase::Entering;
  std::string value;          ///< what the citizen keyed in: personal data, wiped with the session
  // Accepted / Provisional.
  std::string acceptanceNumber, dueOn, reference;
  int timeLimitWorkingDays = 0;
  bool receiptPrinted = false;
  std::string problemKey;     ///< Failed
  ~FilingFlow();
  FilingFlow() = default;
  FilingFlow(const FilingFlow&) = default;
  FilingFlow& operator=(const FilingFlow&) = default;
  void wipe();
};

/// Services the kiosk can file itself.
bool isKioskFiling(std::string_view serviceId);
/// A mainland mobile number as the citizen keys it: 11 digits starting with 1.
bool isWellFormedPhone(std::string_view digits);
inline constexpr std::size_t kPhoneDigits = 11;

}  // namespace onestop::core
