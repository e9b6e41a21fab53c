#include "demo/insurance_history.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace onestop::central::demo {
namespace {

struct ContributionMonth {
  MonthIndex month;
  bool arrears;
};

bool inGap(const InsuranceProfile& p, MonthIndex m) {
  return std::any_of(p.gaps.begin(), p.gaps.end(), [m](const auto& g) { return m >= g.first && m <= g.second; });
}

bool hasPensionBenefit(const InsuranceProfile& p) {
  return std::any_of(p.benefits.begin(), p.benefits.end(), [](const auto& b) { return b.type == "pension"; });
}

bool hasParticipation(const InsuranceProfile& p, std::string_view type) {
  return std::any_of(p.participations.begin(), p.participations.end(),
                     [type](const auto& x) { return x.type == type; });
}

MonthIndex lastContributionMonth(const InsuranceProfile& p, MonthIndex current) {
  for (const auto& b : p.benefits)
    if (b.type == "pension") return b.since - 1;
  const bool anyActive = std::any_of(p.participations.begin(), p.participations.end(),
                                     [](const auto& x) { return x.status == "active"; });
  return anyActive ? current : current - kMonthsSinceLeaving;
}

// Walks back from the last month: arrears first, then paid months, stepping over gaps.
std::vector<ContributionMonth> contributionMonths(const InsuranceProfile& p, MonthIndex last) {
  std::vector<ContributionMonth> months;
  int arrearsLeft = std::max(0, p.arrearsMonths);
  int paidLeft = std::max(0, p.paidMonths);
  for (MonthIndex m = last; arrearsLeft + paidLeft > 0; --m) {
    if (inGap(p, m)) continue;
    if (arrearsLeft > 0) {
      months.push_back({m, true});
      --arrearsLeft;
    } else {
      months.push_back({m, false});
      --paidLeft;
    }
  }
  std::reverse(months.begin(), months.end());
  return months;
}

// The base of an earlier year, assuming wages grew by `growth` a year up to `lastYear`.
std::int64_t baseFenIn(int year, int lastYear, std::int64_t latestYuan, double growth) {
  const double yuan = static_cast<double>(latestYuan) / std::pow(1.0 + growth, lastYear - year);
  return std::max<std::int64_t>(1, std::llround(yuan)) * 100;
}

struct AccountInputs {
  std::vector<ContributionMonth> months;
  int firstYear = 0;
  int lastYear = 0;              // last year shown in the account
  int lastContributionYear = 0;
  std::int64_t latestBaseYuan = 0;
};

std::vector<PensionAccountRow> personalAccount(const AccountInputs& in, double growth) {
  std::map<int, std::int64_t> creditedByYear;
  for (const auto& m : in.months) {
    if (m.arrears) continue;  // unpaid months are not credited
    const int y = yearOf(m.month);
    creditedByYear[y] += shareOf(baseFenIn(y, in.lastContributionYear, in.latestBaseYuan, growth), kPersonalAccountBp);
  }
  std::vector<PensionAccountRow> rows;
  std::int64_t balance = 0;
  for (int y = in.firstYear; y <= in.lastYear; ++y) {
    PensionAccountRow r;
    r.year = y;
    r.interestRate = pensionInterestRate(y);
    r.openingFen = balance;
    r.contributedFen = creditedByYear[y];
    // The year's contributions earn interest for half a year on average.
    r.interestFen = std::llround(static_cast<double>(r.openingFen) * r.interestRate +
                                 static_cast<double>(r.contributedFen) * r.interestRate / 2);
    r.closingFen = r.openingFen + r.contributedFen + r.interestFen;
    balance = r.closingFen;
    rows.push_back(r);
  }
  return rows;
}

std::int64_t closingOf(const std::vector<PensionAccountRow>& rows) { return rows.empty() ? 0 : rows.back().closingFen; }

// The growth in [0, kMaxBaseGrowth] whose account comes closest to the target: faster
// growth means smaller early bases and a smaller balance.
double fitGrowth(const AccountInputs& in, std::int64_t targetFen) {
  double lo = 0;
  double hi = kMaxBaseGrowth;
  if (closingOf(personalAccount(in, lo)) <= targetFen) return lo;
  if (closingOf(personalAccount(in, hi)) >= targetFen) return hi;
  for (int i = 0; i < 40; ++i) {
    const double mid = (lo + hi) / 2;
    (closingOf(personalAccount(in, mid)) > targetFen ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

// Matches the file's balance exactly, which wins. A fitted growth rate leaves only a
// rounding difference, booked as interest of the last year; when no rate fits (short
// histories), the account's credits are scaled.
void settleTo(std::vector<PensionAccountRow>& rows, std::int64_t targetFen) {
  const std::int64_t raw = closingOf(rows);
  if (rows.empty() || raw <= 0) return;
  if (std::abs(raw - targetFen) * 100 > targetFen) {
    const double s = static_cast<double>(targetFen) / static_cast<double>(raw);
    std::int64_t balance = 0;
    for (auto& r : rows) {
      r.openingFen = balance;
      r.contributedFen = std::llround(static_cast<double>(r.contributedFen) * s);
      r.interestFen = std::llround(static_cast<double>(r.interestFen) * s);
      r.closingFen = r.openingFen + r.contributedFen + r.interestFen;
      balance = r.closingFen;
    }
  }
  auto& last = rows.back();
  const std::int64_t diff = targetFen - last.closingFen;
  (last.interestFen + diff >= 0 ? last.interestFen : last.contributedFen) += diff;
  last.closingFen = targetFen;
}

void addHistory(const InsuranceProfile& p, const InsuranceProfile::Participation& part,
                const std::vector<ContributionMonth>& months, MonthIndex current, CitizenRecords& out) {
  std::int64_t seq = 0;
  auto add = [&](MonthIndex from, std::optional<MonthIndex> to, const std::string& status,
                 const std::string& employer) {
    out.history.push_back({part.type, ++seq, formatMonth(from), to ? formatMonth(*to) : "", status, employer});
  };
  if (months.empty()) {
    add(current, std::nullopt, part.status, p.employer);
    return;
  }
  // Periods are the runs of consecutive contribution months; gaps are the breaks.
  std::size_t runStart = 0;
  for (std::size_t i = 1; i <= months.size(); ++i) {
    if (i < months.size() && months[i].month == months[i - 1].month + 1) continue;
    const MonthIndex from = months[runStart].month;
    const MonthIndex to = months[i - 1].month;
    const bool lastRun = i == months.size();
    if (lastRun && to == current && part.status == "active") {
      add(from, std::nullopt, "active", p.employer);
    } else {
      add(from, to, "active", p.employer);
      // Contributions ended: what follows is a suspension, the end, or (for a retiree's
      // medical insurance) an active participation without contributions.
      if (lastRun) add(to + 1, std::nullopt, part.status, "");
    }
    runStart = i;
  }
}

}  // namespace

std::optional<ContributionRates> contributionRates(std::string_view type, bool flexibleEmployment) {
  if (flexibleEmployment) {
    if (type == "pension") return ContributionRates{0, 2000};
    if (type == "medical") return ContributionRates{0, 1000};
    return std::nullopt;
  }
  if (type == "pension") return ContributionRates{1600, 800};
  if (type == "medical") return ContributionRates{800, 200};
  if (type == "unemployment") return ContributionRates{50, 50};
  if (type == "workInjury") return ContributionRates{40, 0};
  if (type == "maternity") return ContributionRates{80, 0};
  return std::nullopt;
}

double pensionInterestRate(int year) {
  switch (year) {
    case 2016: return 0.0831;
    case 2017: return 0.0712;
    case 2018: return 0.0829;
    case 2019: return 0.0761;
    case 2020: return 0.0604;
    case 2021: return 0.0669;
    case 2022: return 0.0612;
    case 2023: return 0.0397;
    case 2024: return 0.0262;
    default: return year < 2016 ? 0.03 : 0.025;
  }
}

bool isInsuranceType(std::string_view type) {
  return type == "pension" || type == "medical" || type == "unemployment" || type == "workInjury" ||
         type == "maternity";
}

bool isParticipationStatus(std::string_view status) {
  return status == "active" || status == "suspended" || status == "terminated";
}

MonthIndex buildInsuranceRecords(const InsuranceProfile& p, std::chrono::year_month_day referenceDate,
                                 CitizenRecords& out) {
  const MonthIndex current = monthIndex(referenceDate);
  const MonthIndex last = lastContributionMonth(p, current);
  const auto months = contributionMonths(p, last);
  const MonthIndex first = months.empty() ? current : months.front().month;

  AccountInputs account;
  account.months = months;
  account.firstYear = yearOf(first);
  account.lastContributionYear = yearOf(last);
  // A retiree's account turned into the pension: it is shown up to retirement.
  account.lastYear = hasPensionBenefit(p) ? yearOf(last) : yearOf(current);
  account.latestBaseYuan = p.baseYuan > 0 ? p.baseYuan : kFallbackBaseYuan;
  const bool fit = p.accountBalanceFen && *p.accountBalanceFen > 0 && hasParticipation(p, "pension") && !months.empty();
  const double growth = fit ? fitGrowth(account, *p.accountBalanceFen) : kDefaultBaseGrowth;

  for (const auto& part : p.participations) {
    out.participations.push_back({part.type, part.status, formatMonth(first)});
    addHistory(p, part, months, current, out);
    const auto rates = contributionRates(part.type, p.flexibleEmployment).value_or(ContributionRates{});
    for (const auto& m : months) {
      const std::int64_t base =
          baseFenIn(yearOf(m.month), account.lastContributionYear, account.latestBaseYuan, growth);
      out.contributions.push_back({part.type, formatMonth(m.month), base, shareOf(base, rates.employerBp),
                                   shareOf(base, rates.personalBp), m.arrears ? "arrears" : "paid"});
    }
  }

  if (hasParticipation(p, "pension") && !months.empty()) {
    out.pensionAccount = personalAccount(account, growth);
    if (fit) settleTo(out.pensionAccount, *p.accountBalanceFen);
  }

  // Pensions are paid on the 15th; this month's only once that day has come.
  const unsigned day = static_cast<unsigned>(referenceDate.day());
  const MonthIndex lastPaid = day >= 15 ? current : current - 1;
  for (const auto& b : p.benefits)
    for (MonthIndex m = b.since; m <= lastPaid; ++m)
      out.benefitPayments.push_back({b.type, formatMonth(m), b.monthlyFen, formatDay(m, 15)});
  return first;
}

}  // namespace onestop::central::demo
