#pragma once
// A query of the identified citizen's own records, as the session tracks it: which record,
// the answer from the central server as the screens show it, or why there is none. The
// rows are personal data: wiped with the session (and when the citizen leaves the query).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::core {

enum class QueryKind {
  Participation,    ///< insurance participation by type (query_participation)
  Contributions,    ///< contributions of one year, month by month (query_contributions)
  PensionAccount,   ///< the pension personal account, year by year (query_personal_account)
  Benefits,         ///< benefit payments (query_benefits)
  Applications,     ///< my applications and their progress (any identified citizen)
};

/// The query a service of the catalogue stands for (none: not a query of one's records).
std::optional<QueryKind> queryKindOfService(std::string_view serviceId);
std::string_view queryKindName(QueryKind k);   ///< "participation"…: i18n keys query.<name>.*
/// The i18n key saying an application's state (accepted, in_review… of the API) in words.
std::string_view applicationStateKey(std::string_view state);

struct ParticipationRow {
  std::string type, status, since;   ///< pension | medical…; active | suspended | terminated; "2009-04"
};
struct ContributionRow {
  std::string month, type, status;   ///< "2026-11"; pension…; paid | arrears | back_paid
  std::int64_t baseFen = 0, employerFen = 0, personalFen = 0;
};
struct ContributionYear {
  int year = 0;
  std::vector<int> years;            ///< every year with records, ascending
  std::vector<ContributionRow> rows; ///< month by month, as the server sent them
  std::int64_t employerFen = 0, personalFen = 0;
  int paidMonths = 0, arrearsMonths = 0, pensionMonthsAllYears = 0;
};
struct PensionYearRow {
  int year = 0;
  std::int64_t openingFen = 0, contributedFen = 0, interestFen = 0, closingFen = 0;
};
struct BenefitRow {
  std::string type, month, paidOn;
  std::int64_t amountFen = 0;
};
struct ApplicationRow {
  std::string acceptanceNumber, service, state, acceptedOn, dueOn;
};

/// What the server answered, for one QueryKind (the other members stay empty).
struct QueryAnswer {
  std::vector<ParticipationRow> participation;
  std::optional<ContributionYear> contributions;
  std::int64_t pensionBalanceFen = 0;
  std::vector<PensionYearRow> pensionYears;
  std::vector<BenefitRow> benefits;
  std::vector<ApplicationRow> applications;
  void wipe();
};

struct QueryFlow {
  enum class Phase { Loading, Shown, Failed };
  QueryKind kind = QueryKind::Participation;
  std::uint64_t request = 0;
  Phase phase = Phase::Loading;
  std::optional<int> year;      ///< Contributions: the year asked for (none = the latest)
  QueryAnswer answer;           ///< Shown
  std::string problemKey;       ///< Failed
};

}  // namespace onestop::core
