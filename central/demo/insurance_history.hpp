#pragma once
// Turns a few facts about a person's insurance (months paid, arrears, gaps, base, account
// balance, benefits) into the month-by-month rows the server serves: participations and
// their history, contributions, the pension personal account and benefit payments.
// Pure and deterministic: the same profile and reference date give the same rows.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "demo/months.hpp"
#include "demo/records.hpp"

namespace onestop::central::demo {

/// Contribution rates in basis points of the base (1600 = 16%).
struct ContributionRates {
  std::int64_t employerBp = 0;
  std::int64_t personalBp = 0;
};

/// Employees: pension 16/8, medical 8/2, unemployment 0.5/0.5, work injury 0.4/0,
/// maternity 0.8/0. Flexible employment pays alone: pension 20, medical 10.
/// nullopt for a type that has no rate (unknown, or not open to flexible employment).
std::optional<ContributionRates> contributionRates(std::string_view insuranceType, bool flexibleEmployment);

/// Of every pension base, this share is credited to the personal account (8%).
inline constexpr std::int64_t kPersonalAccountBp = 800;

/// A share of a base in fen, rounded half up.
inline std::int64_t shareOf(std::int64_t baseFen, std::int64_t bp) { return (baseFen * bp + 5000) / 10000; }

/// Yearly interest credited to pension personal accounts (national rates 2016-2024,
/// 3% before, 2.5% after).
double pensionInterestRate(int year);

bool isInsuranceType(std::string_view type);
bool isParticipationStatus(std::string_view status);

/// A person who contributed and left their job this many months before the reference
/// month (the last contribution month of a suspended participation).
inline constexpr int kMonthsSinceLeaving = 8;
/// Base used for people whose file says 0 (no current base): their last base.
inline constexpr std::int64_t kFallbackBaseYuan = 6000;
/// Yearly base growth assumed (backwards) when no account balance has to be met.
inline constexpr double kDefaultBaseGrowth = 0.05;
/// The largest yearly growth tried when fitting an account balance.
inline constexpr double kMaxBaseGrowth = 0.15;

struct BenefitProfile {
  std::string type;          ///< e.g. pension
  MonthIndex since = 0;
  std::int64_t monthlyFen = 0;
};

struct InsuranceProfile {
  struct Participation {
    std::string type;
    std::string status;
  };
  std::vector<Participation> participations;
  int paidMonths = 0;
  int arrearsMonths = 0;
  std::int64_t baseYuan = 0;                     ///< the latest base; 0 = kFallbackBaseYuan
  std::vector<std::pair<MonthIndex, MonthIndex>> gaps;   ///< inclusive, no contributions
  std::string employer;                          ///< on contribution periods; "" when self-employed
  bool flexibleEmployment = false;
  std::optional<std::int64_t> accountBalanceFen; ///< personal account to arrive at today
  std::vector<BenefitProfile> benefits;
};

/// Appends the profile's rows to `out` (participations, history, contributions, pension
/// account, benefit payments) and returns the first contribution month (the reference
/// month when there is none). The last contribution month is the reference month, the
/// month before a pension benefit starts, or kMonthsSinceLeaving back when no
/// participation is active; `arrearsMonths` end there, `paidMonths` before them, both
/// skipping gaps. Types must pass isInsuranceType and have rates.
MonthIndex buildInsuranceRecords(const InsuranceProfile& profile, std::chrono::year_month_day referenceDate,
                                 CitizenRecords& out);

}  // namespace onestop::central::demo
