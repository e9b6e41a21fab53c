#pragma once
// A filing at the kiosk (front desk accepts, back office approves), as the session tracks
// it: the citizen enters the service's values step by step (filing_fields.hpp), confirms
// them (old → new, in full), the kiosk commits the filing to its durable outbox and then
// either the server's acceptance number comes back (a receipt with the time limit) or —
// offline, or no answer in time — a provisional receipt with the kiosk's own reference;
// the relay delivers it when the link is back.
//
// Pure: the session calls these on events; nothing here knows screens, devices or clocks.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/filing_fields.hpp"

namespace onestop::core {

enum class FilingPhase {
  Entering,      ///< the steps of the service (filingSteps), one screen each
  Confirming,    ///< "is this right?" (report_card_loss: straight here)
  Submitting,    ///< being committed to the outbox / sent
  Accepted,      ///< the server gave an acceptance number
  Provisional,   ///< kept at the kiosk: sent when the link is back
  Failed,        ///< could not be kept (disk full…): nothing was filed
};

/// A region picked at one level of the division tree.
struct RegionPick {
  std::string code;   ///< GB/T 2260 code, "110101"
  std::string name;   ///< "东城区"
};

/// The citizen's record as the central server holds it now, masked by the server
/// (GET /v1/me/profile): "old" on the confirm screen of a change.
struct ProfileView {
  std::string phoneMasked, addressMasked, bankAccountMasked;   ///< empty: none on record
  bool cardLost = false;
  std::vector<std::pair<std::string, std::string>> pending;   ///< changes being handled: service, acceptance number
};

/// What the confirm screen says about the current record of this filing's field.
struct CurrentRecord {
  enum class State { Loading, Known, Unavailable };
  State state = State::Loading;   ///< Unavailable: offline or no answer; the filing goes on regardless
  std::string oldValueMasked;     ///< Known: this service's field as on record (empty: none on record)
  bool cardLost = false;          ///< Known: the social security card is already reported lost
  std::string pendingNumber;      ///< Known: a change of the same service still being handled
};

struct FilingFlow {
  std::uint64_t request = 0;
  std::uint64_t profileRequest = 0;   ///< the current record being asked for (answers match it)
  CurrentRecord current;
  std::string service;        ///< "change_phone" …
  FilingPhase phase = FilingPhase::Entering;
  std::size_t step = 0;       ///< Entering: index into filingSteps(service)
  // What the citizen entered: personal data, wiped with the session and once filed.
  std::string value;          ///< keypad digits: the phone number or the bank card number
  std::string bank;           ///< Bank::id
  std::string startMonth;     ///< "YYYY-MM"
  std::int64_t baseFen = 0;
  std::vector<RegionPick> region;   ///< province, city, district as picked so far
  bool regionComplete = false;      ///< the last pick has no subdivisions
  std::string street;         ///< typed on the on-screen keyboard (UTF-8)
  std::string entryProblemKey;   ///< why "next" did not go on (in words), until the next change
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

  /// A fresh flow for a kiosk filing: its first step, or confirm when it has none.
  static FilingFlow start(std::string service);
  /// The step being entered (only meaningful while Entering with steps).
  FilingStep currentStep() const;
  bool hasStep() const;

  // Inputs while Entering; each ignores what does not fit the current step.
  void key(char key);                       ///< keypad: '0'–'9', '<' (delete one), 'C' (clear)
  void choose(std::string_view value);      ///< big buttons: a bank id, a month, a base in fen
  void pickRegion(RegionPick pick, bool leaf);
  void text(std::string_view committed, int deleteLast);   ///< the keyboard's result
  /// The server's current record arrived: keeps what this service's confirm screen shows.
  void profileLoaded(const ProfileView& profile);

  enum class Next { Stay, Moved, Submit };
  /// "Next": checks the step (entryProblemKey says why not), goes on, or — confirmed —
  /// says it is to be submitted (phase Submitting).
  Next next();
  /// "Back" inside the flow: a region level up, the previous step, or from confirm back
  /// to the last step. False when back must leave the filing.
  bool back();

  /// The details as filed (JSON fields of the service). Copies personal data.
  std::vector<FilingDetail> details() const;
  /// The full address: region names + street.
  std::string address() const;
  /// i18n key of the screen's main prompt.
  std::string_view promptKey() const;
};

}  // namespace onestop::core
