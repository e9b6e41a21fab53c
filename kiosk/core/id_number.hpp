#pragma once
// GB 11643-1999 citizen ID numbers (18 characters: RRRRRR YYYYMMDD SSS C), also used by
// HK/Macau/Taiwan residence permits (region 81/82/83) and by the 2023 foreign permanent
// resident card (leading '9', province, 3-digit country code, birth date, sequence, C).
#include <chrono>
#include <optional>
#include <string_view>

namespace onestop::core {

enum class IdNumberCheck {
  Valid,
  WrongLength,      ///< not 18 characters
  BadCharacter,     ///< not 17 digits followed by a digit or 'X'
  BadRegion,        ///< first digits are no province / HMT / foreign-resident prefix
  BadBirthDate,     ///< no such calendar day, or before 1900
  FutureBirthDate,  ///< born after today
  BadSequence,      ///< sequence 000 is never issued
  BadCheckDigit     ///< ISO 7064 MOD 11-2 check character does not match
};

/// i18n key for the reason, e.g. "id_check.bad_check_digit" ("id_check.valid" when valid).
std::string_view idNumberCheckKey(IdNumberCheck result);

/// ISO 7064 MOD 11-2 check character over the first 17 digits ('0'-'9' or 'X');
/// '\0' when the input is not 17 digits.
char idCheckCharacter(std::string_view first17);

/// Full validation. `today` bounds the birth date.
IdNumberCheck validateIdNumber(std::string_view id, std::chrono::year_month_day today);

/// True when the two leading digits are a province-level code of GB/T 2260 (11-65),
/// Taiwan (71) or an HMT permit prefix (81, 82, 83).
bool isProvinceCode(int code);

/// Birth date encoded in a structurally valid 18-character number (no check-digit test).
std::optional<std::chrono::year_month_day> idNumberBirthDate(std::string_view id);

/// Gender code from the sequence parity (odd = 1 male, even = 2 female); 0 if unreadable.
int idNumberGenderCode(std::string_view id);

}  // namespace onestop::core
