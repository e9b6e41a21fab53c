#include "core/query_flow.hpp"

#include "core/i18n_key.hpp"
#include "core/secure_wipe.hpp"

namespace onestop::core {

std::optional<QueryKind> queryKindOfService(std::string_view serviceId) {
  if (serviceId == "query_participation") return QueryKind::Participation;
  if (serviceId == "query_contributions") return QueryKind::Contributions;
  if (serviceId == "query_personal_account") return QueryKind::PensionAccount;
  if (serviceId == "query_benefits") return QueryKind::Benefits;
  return std::nullopt;
}

std::string_view queryKindName(QueryKind k) {
  switch (k) {
    case QueryKind::Participation: return "participation";
    case QueryKind::Contributions: return "contributions";
    case QueryKind::PensionAccount: return "pension_account";
    case QueryKind::Benefits: return "benefits";
    case QueryKind::Applications: return "applications";
  }
  return "participation";
}

std::string_view applicationStateKey(std::string_view state) {
  if (state == "in_review") return "progress.state.in_review"_k;
  if (state == "first_review_done") return "progress.state.first_review_done"_k;
  if (state == "approved") return "progress.state.approved"_k;
  if (state == "rejected") return "progress.state.rejected"_k;
  if (state == "completed") return "progress.state.completed"_k;
  return "progress.state.accepted"_k;
}

void QueryAnswer::wipe() {
  // Amounts and dates say as much about a person as names: zero the text, drop the rows.
  for (auto& r : participation) secureWipe(r.since);
  if (contributions) {
    for (auto& r : contributions->rows) {
      secureWipe(r.month);
      r.baseFen = r.employerFen = r.personalFen = 0;
    }
    contributions->employerFen = contributions->personalFen = 0;
  }
  for (auto& r : pensionYears) r.openingFen = r.contributedFen = r.interestFen = r.closingFen = 0;
  pensionBalanceFen = 0;
  for (auto& r : benefits) {
    secureWipe(r.month);
    secureWipe(r.paidOn);
    r.amountFen = 0;
  }
  for (auto& r : applications) {
    secureWipe(r.acceptanceNumber);
    secureWipe(r.acceptedOn);
    secureWipe(r.dueOn);
  }
  *this = QueryAnswer{};
}

}  // namespace onestop::core
