#pragma once
// What each filing at the kiosk asks for, step by step, and the checks on each value, so
// the citizen learns of a mistake while entering it (and the server's checks,
// central/api/filing_details.cpp, never have to refuse what the kiosk accepted).
//
//   change_phone         Phone                      {phone}
//   change_bank_account  Bank, Account              {bankName, accountNumber}
//   flexible_employment  StartMonth, Base           {startMonth, baseFen}
//   change_address       Region, Street             {address = region names + street}
//   report_card_loss     (nothing: confirm only)    {}
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::core {

enum class FilingStep {
  Phone,        ///< keypad: 11 digits
  Bank,         ///< big buttons: one of kBanks
  Account,      ///< keypad: the bank card number, 12–19 digits, Luhn checked
  StartMonth,   ///< big buttons: last month … three months ahead
  Base,         ///< big buttons: a preset share of the average wage
  Region,       ///< province → city → district, from the administrative-division codes
  Street,       ///< on-screen keyboard (pinyin): street, building, door number
};

/// Services the kiosk can file itself.
bool isKioskFiling(std::string_view serviceId);
/// The steps of a kiosk filing, in order (empty: confirm only, or not a kiosk filing).
std::span<const FilingStep> filingSteps(std::string_view serviceId);

// ---- phone ----------------------------------------------------------------------------
/// A mainland mobile number as the citizen keys it: 11 digits, 13x–19x (as the server checks).
bool isWellFormedPhone(std::string_view digits);
inline constexpr std::size_t kPhoneDigits = 11;

// ---- bank account for benefits -------------------------------------------------------
struct Bank {
  std::string_view id;             ///< "icbc"
  std::string_view nameKey;        ///< i18n key of the name on screen
  std::string_view officialName;   ///< the name sent to the server and printed (中国工商银行)
};
/// The banks a kiosk offers (the big ones every hall pays benefits through).
std::span<const Bank> kioskBanks();
const Bank* findBank(std::string_view id);

inline constexpr std::size_t kMinAccountDigits = 12, kMaxAccountDigits = 19;
enum class AccountCheck { Incomplete, Ok, CheckDigitWrong };
/// Incomplete under 12 digits; CheckDigitWrong when the last digit is not the Luhn check
/// digit of the others (a mistyped number, as banks' own forms catch it).
AccountCheck checkAccountNumber(std::string_view digits);
/// "6222 0200 1234 5678 901": groups of four, to check against the card.
std::string groupedInFours(std::string_view digits);

// ---- flexible employment -------------------------------------------------------------
/// The area's average monthly wage that contribution bases are a share of (demo figure,
/// in fen: 8,000 yuan). Bases run from 60 % to 300 % of it.
inline constexpr std::int64_t kAverageMonthlyWageFen = 800000;
/// The shares offered, in percent.
std::span<const int> basePercents();
std::int64_t baseFenFor(int percent);
/// True for a base the kiosk offers.
bool isOfferedBase(std::int64_t fen);
/// "YYYY-MM".
bool isMonthText(std::string_view month);
/// The start months offered for a registration made in `year`-`month`: last month to
/// three months ahead, "YYYY-MM" (the server's rule).
std::vector<std::string> offeredStartMonths(int year, int month);

// ---- mailing address -----------------------------------------------------------------
/// The street part: at least 2 characters (a road and number), at most 60 (the whole
/// address, region included, stays within the server's 100).
inline constexpr std::size_t kMinStreetChars = 2, kMaxStreetChars = 60;
/// Levels picked: province, city (or a municipality's districts), district.
inline constexpr std::size_t kMaxRegionLevels = 3;

/// One value as it is filed (the JSON field of the filing's details).
struct FilingDetail {
  std::string key;        ///< "phone", "bankName", "accountNumber", "startMonth", "baseFen", "address"
  std::string text;       ///< the value (personal data: wiped by whoever holds it)
  std::int64_t number = 0;
  bool isNumber = false;  ///< baseFen: sent as a number
  std::size_t regionChars = 0;   ///< address: how many leading characters are the region
};

}  // namespace onestop::core
