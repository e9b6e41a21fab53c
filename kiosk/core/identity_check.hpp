#pragma once
// Whether an identity read from a card may be used: the number must be well formed and
// agree with the birth date and gender printed beside it, and the card must be valid
// today. Each failure is its own outcome so the UI can word it for the citizen
// (an expired card needs a different sentence from a damaged one).
#include <chrono>
#include <string_view>

#include "core/id_number.hpp"
#include "core/identity.hpp"

namespace onestop::core {

enum class IdentityCheck {
  Ok,
  Expired,             ///< valid-to date has passed
  NotYetValid,         ///< valid-from date is in the future
  InvalidIdNumber,     ///< see IdentityCheckResult::idNumber for the reason
  BirthDateMismatch,   ///< the number encodes another birth date than the card prints
  GenderMismatch,      ///< the sequence parity disagrees with the printed gender
  CardTypeMismatch,    ///< e.g. an HMT permit whose number is not 81/82/83…
  MissingField         ///< a required field (name, number, dates) is empty or unreadable
};

struct IdentityCheckResult {
  IdentityCheck outcome = IdentityCheck::Ok;
  IdNumberCheck idNumber = IdNumberCheck::Valid;   ///< set when outcome is InvalidIdNumber
  bool ok() const { return outcome == IdentityCheck::Ok; }
};

/// i18n key, e.g. "identity_check.expired"; for InvalidIdNumber the idNumberCheckKey().
std::string_view identityCheckKey(const IdentityCheckResult& result);

IdentityCheckResult checkIdentity(const Identity& identity, std::chrono::year_month_day today);

}  // namespace onestop::core
