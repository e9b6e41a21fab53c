#include "core/filing_fields.hpp"

#include <algorithm>
#include <array>

#include "core/code_payload.hpp"
#include "core/i18n_key.hpp"
#include "core/iso_date.hpp"

namespace onestop::core {
namespace {

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

constexpr std::array<FilingStep, 1> kPhoneSteps{FilingStep::Phone};
constexpr std::array<FilingStep, 2> kBankSteps{FilingStep::Bank, FilingStep::Account};
constexpr std::array<FilingStep, 2> kFlexibleSteps{FilingStep::StartMonth, FilingStep::Base};
constexpr std::array<FilingStep, 2> kAddressSteps{FilingStep::Region, FilingStep::Street};

constexpr std::array<Bank, 6> kBanks{{
    {"icbc", "bank.icbc"_k, "中国工商银行"},
    {"abc", "bank.abc"_k, "中国农业银行"},
    {"boc", "bank.boc"_k, "中国银行"},
    {"ccb", "bank.ccb"_k, "中国建设银行"},
    {"bocom", "bank.bocom"_k, "交通银行"},
    {"psbc", "bank.psbc"_k, "中国邮政储蓄银行"},
}};

constexpr std::array<int, 5> kBasePercents{60, 100, 150, 200, 300};

}  // namespace

bool isKioskFiling(std::string_view serviceId) {
  return serviceId == "change_phone" || serviceId == "change_bank_account" || serviceId == "flexible_employment" ||
         serviceId == "change_address" || serviceId == "report_card_loss";
}

std::span<const FilingStep> filingSteps(std::string_view serviceId) {
  if (serviceId == "change_phone") return kPhoneSteps;
  if (serviceId == "change_bank_account") return kBankSteps;
  if (serviceId == "flexible_employment") return kFlexibleSteps;
  if (serviceId == "change_address") return kAddressSteps;
  return {};
}

bool isWellFormedPhone(std::string_view digits) {
  // The server's rule (central/api/filing_details.cpp): mobile numbers are 13x–19x.
  return digits.size() == kPhoneDigits && digits[0] == '1' && digits[1] >= '3' && allDigits(digits);
}

std::span<const Bank> kioskBanks() { return kBanks; }

const Bank* findBank(std::string_view id) {
  for (const auto& b : kBanks)
    if (b.id == id) return &b;
  return nullptr;
}

AccountCheck checkAccountNumber(std::string_view digits) {
  if (digits.size() < kMinAccountDigits || digits.size() > kMaxAccountDigits || !allDigits(digits))
    return AccountCheck::Incomplete;
  return luhnCheckDigit(digits.substr(0, digits.size() - 1)) == digits.back() ? AccountCheck::Ok
                                                                               : AccountCheck::CheckDigitWrong;
}

std::string groupedInFours(std::string_view digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

std::span<const int> basePercents() { return kBasePercents; }

std::int64_t baseFenFor(int percent) { return kAverageMonthlyWageFen * percent / 100; }

bool isOfferedBase(std::int64_t fen) {
  return std::any_of(kBasePercents.begin(), kBasePercents.end(), [&](int p) { return baseFenFor(p) == fen; });
}

bool isMonthText(std::string_view s) { return parseIsoMonth(s).has_value(); }

std::vector<std::string> offeredStartMonths(int year, int month) {
  std::vector<std::string> out;
  for (int delta = -1; delta <= 3; ++delta) out.push_back(isoMonth(year * 12 + (month - 1) + delta));
  return out;
}

}  // namespace onestop::core
