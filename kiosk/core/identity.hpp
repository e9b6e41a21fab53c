#pragma once
// The identity read from a resident ID card or one of its foreign / HMT variants.
// It is personal data: show it masked (core/masking.hpp), never log it, and let it die
// with the session: wipe() (also run by the destructor) overwrites every buffer.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::core {

enum class CardType {
  Mainland,      ///< 居民身份证
  HmtPermit,     ///< 港澳台居民居住证 (type flag 'J')
  Foreign2017,   ///< 外国人永久居留身份证, 2017 version (flag 'I')
  Foreign2023    ///< 外国人永久居留身份证, 2023 version (flag 'Y')
};

/// i18n key, e.g. "card_type.mainland".
std::string_view cardTypeKey(CardType type);

struct Identity {
  CardType cardType = CardType::Mainland;
  std::string name;              ///< Chinese name, UTF-8 (may hold CJK Ext A/B characters)
  std::string englishName;       ///< foreign cards only
  int genderCode = 0;            ///< GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 unspecified
  int ethnicityCode = 0;         ///< GB 3304 (mainland cards); 0 when the card has none
  std::string nationality;       ///< foreign cards: 3-letter country code, e.g. "CAN"
  std::chrono::year_month_day birthDate{};
  std::string address;           ///< mainland and HMT cards
  std::string idNumber;          ///< citizen ID number, or the permit / resident card number
  std::string passNumber;        ///< HMT cards: 通行证号码
  int issueCount = 0;            ///< HMT cards: 签发次数
  std::string issuingAuthority;
  std::chrono::year_month_day validFrom{};
  std::optional<std::chrono::year_month_day> validTo;   ///< nullopt = long-term (长期)
  std::vector<std::uint8_t> photo;   ///< decoded portrait (BMP, 102x126), empty if none

  Identity() = default;
  Identity(const Identity&) = default;
  Identity(Identity&& other) noexcept;
  Identity& operator=(const Identity& other);
  Identity& operator=(Identity&& other) noexcept;
  ~Identity() { wipe(); }

  /// Overwrites and empties every personal field.
  void wipe() noexcept;

  bool longTerm() const { return !validTo.has_value(); }
};

/// Field-by-field equality (used to confirm that two reads of one card agree).
bool sameIdentity(const Identity& a, const Identity& b);

}  // namespace onestop::core
