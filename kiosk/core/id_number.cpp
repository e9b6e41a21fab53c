#include "core/id_number.hpp"

#include <array>

namespace onestop::core {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool allDigits(std::string_view s) {
  for (char c : s) if (!isDigit(c)) return false;
  return !s.empty();
}

}  // namespace

std::string_view idNumberCheckKey(IdNumberCheck result) {
  switch (result) {
    case IdNumberCheck::Valid: return "id_check.valid";
    case IdNumberCheck::WrongLength: return "id_check.wrong_length";
    case IdNumberCheck::BadCharacter: return "id_check.bad_character";
    case IdNumberCheck::BadRegion: return "id_check.bad_region";
    case IdNumberCheck::BadBirthDate: return "id_check.bad_birth_date";
    case IdNumberCheck::FutureBirthDate: return "id_check.future_birth_date";
    case IdNumberCheck::BadSequence: return "id_check.bad_sequence";
    case IdNumberCheck::BadCheckDigit: return "id_check.bad_check_digit";
  }
  return "id_check.bad_character";
}

char idCheckCharacter(std::string_view first17) {
  if (first17.size() != 17 || !allDigits(first17)) return '\0';
  // Wi = 2^(17-i) mod 11 for i = 0..16.
  static constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[static_cast<std::size_t>(sum % 11)];
}

bool isProvinceCode(int code) {
  switch (code) {
    case 11: case 12: case 13: case 14: case 15:
    case 21: case 22: case 23:
    case 31: case 32: case 33: case 34: case 35: case 36: case 37:
    case 41: case 42: case 43: case 44: case 45: case 46:
    case 50: case 51: case 52: case 53: case 54:
    case 61: case 62: case 63: case 64: case 65:
    case 71: case 81: case 82: case 83:
      return true;
    default:
      return false;
  }
}

std::optional<std::chrono::year_month_day> idNumberBirthDate(std::string_view id) {
  if (id.size() != 18 || !allDigits(id.substr(6, 8))) return std::nullopt;
  const std::chrono::year_month_day d{std::chrono::year{digits(id.substr(6, 4))},
                                      std::chrono::month{static_cast<unsigned>(digits(id.substr(10, 2)))},
                                      std::chrono::day{static_cast<unsigned>(digits(id.substr(12, 2)))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

int idNumberGenderCode(std::string_view id) {
  if (id.size() != 18 || !isDigit(id[16])) return 0;
  return (id[16] - '0') % 2 == 1 ? 1 : 2;
}

IdNumberCheck validateIdNumber(std::string_view id, std::chrono::year_month_day today) {
  if (id.size() != 18) return IdNumberCheck::WrongLength;
  if (!allDigits(id.substr(0, 17)) || !(isDigit(id[17]) || id[17] == 'X'))
    return IdNumberCheck::BadCharacter;
  // Foreign permanent residents (2023) put '9' before the province code.
  const int region = id[0] == '9' ? digits(id.substr(1, 2)) : digits(id.substr(0, 2));
  if (!isProvinceCode(region)) return IdNumberCheck::BadRegion;
  const auto birth = idNumberBirthDate(id);
  if (!birth || birth->year() < std::chrono::year{1900}) return IdNumberCheck::BadBirthDate;
  if (*birth > today) return IdNumberCheck::FutureBirthDate;
  if (id.substr(14, 3) == "000") return IdNumberCheck::BadSequence;
  if (idCheckCharacter(id.substr(0, 17)) != id[17]) return IdNumberCheck::BadCheckDigit;
  return IdNumberCheck::Valid;
}

}  // namespace onestop::core
