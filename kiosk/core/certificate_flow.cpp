#include "core/certificate_flow.hpp"

#include <algorithm>

#include "core/iso_date.hpp"

namespace onestop::core {

std::optional<std::string_view> certificateTypeOfService(std::string_view serviceId) {
  if (serviceId == "cert_participation") return "participation";
  if (serviceId == "cert_rights_record") return "rights_record";
  if (serviceId == "cert_benefit") return "benefit";
  return std::nullopt;
}

std::vector<int> offeredPeriodYears(int year) { return {year, year - 1, year - 2, year - 3, year - 4}; }

std::optional<MonthPeriod> periodOf(PeriodChoice choice, int year, int month) {
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  const int now = year * 12 + month - 1;
  switch (choice.kind) {
    case PeriodChoice::Kind::WholeRecord: return std::nullopt;
    case PeriodChoice::Kind::LastMonths: {
      const auto& offered = kOfferedLastMonths;
      if (std::find(std::begin(offered), std::end(offered), choice.value) == std::end(offered)) return std::nullopt;
      return MonthPeriod{isoMonth(now - choice.value + 1), isoMonth(now)};
    }
    case PeriodChoice::Kind::Year: {
      const auto years = offeredPeriodYears(year);
      if (std::find(years.begin(), years.end(), choice.value) == years.end()) return std::nullopt;
      // This year runs only to this month: the server refuses months still to come.
      return MonthPeriod{isoMonth(choice.value * 12), isoMonth(std::min(now, choice.value * 12 + 11))};
    }
  }
  return std::nullopt;
}

}  // namespace onestop::core
