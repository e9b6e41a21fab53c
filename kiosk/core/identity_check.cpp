#include "core/identity_check.hpp"

namespace onestop::core {
namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// 2017 foreign permanent resident card number: 3-letter nationality code + 12 digits.
// Its own check scheme is not publicly specified, so only the shape is verified.
bool plausibleForeign2017Number(std::string_view n) {
  if (n.size() != 15) return false;
  for (std::size_t i = 0; i < 3; ++i) if (!isUpper(n[i])) return false;
  for (std::size_t i = 3; i < 15; ++i) if (!isDigit(n[i])) return false;
  return true;
}

}  // namespace

std::string_view identityCheckKey(const IdentityCheckResult& result) {
  switch (result.outcome) {
    case IdentityCheck::Ok: return "identity_check.ok";
    case IdentityCheck::Expired: return "identity_check.expired";
    case IdentityCheck::NotYetValid: return "identity_check.not_yet_valid";
    case IdentityCheck::InvalidIdNumber: return idNumberCheckKey(result.idNumber);
    case IdentityCheck::BirthDateMismatch: return "identity_check.birth_date_mismatch";
    case IdentityCheck::GenderMismatch: return "identity_check.gender_mismatch";
    case IdentityCheck::CardTypeMismatch: return "identity_check.card_type_mismatch";
    case IdentityCheck::MissingField: return "identity_check.missing_field";
  }
  return "identity_check.missing_field";
}

IdentityCheckResult checkIdentity(const Identity& id, std::chrono::year_month_day today) {
  const bool foreign2017 = id.cardType == CardType::Foreign2017;
  const bool hasName = foreign2017 ? !(id.englishName.empty() && id.name.empty()) : !id.name.empty();
  if (!hasName || id.idNumber.empty() || !id.birthDate.ok() || !id.validFrom.ok() ||
      (id.validTo && !id.validTo->ok())) {
    return {IdentityCheck::MissingField, IdNumberCheck::Valid};
  }

  if (foreign2017) {
    if (!plausibleForeign2017Number(id.idNumber))
      return {IdentityCheck::InvalidIdNumber, IdNumberCheck::BadCharacter};
  } else {
    const IdNumberCheck number = validateIdNumber(id.idNumber, today);
    if (number != IdNumberCheck::Valid) return {IdentityCheck::InvalidIdNumber, number};
    const char lead = id.idNumber[0];
    const bool hmtPrefix = id.idNumber.starts_with("81") || id.idNumber.starts_with("82") ||
                           id.idNumber.starts_with("83");
    if ((id.cardType == CardType::Foreign2023) != (lead == '9') ||
        (id.cardType == CardType::HmtPermit && !hmtPrefix)) {
      return {IdentityCheck::CardTypeMismatch, IdNumberCheck::Valid};
    }
    if (idNumberBirthDate(id.idNumber) != id.birthDate)
      return {IdentityCheck::BirthDateMismatch, IdNumberCheck::Valid};
    // Sequence parity encodes gender for citizens and HMT residents; unconfirmed for the
    // 2023 foreign card, so not enforced there.
    if (id.cardType != CardType::Foreign2023 && (id.genderCode == 1 || id.genderCode == 2) &&
        idNumberGenderCode(id.idNumber) != id.genderCode) {
      return {IdentityCheck::GenderMismatch, IdNumberCheck::Valid};
    }
  }

  if (id.validFrom > today) return {IdentityCheck::NotYetValid, IdNumberCheck::Valid};
  // A card is valid through its valid-to day.
  if (id.validTo && *id.validTo < today) return {IdentityCheck::Expired, IdNumberCheck::Valid};
  return {};
}

}  // namespace onestop::core
