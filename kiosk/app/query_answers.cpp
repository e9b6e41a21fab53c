#include "app/query_answers.hpp"

#include "core/iso_date.hpp"

namespace onestop::app {
namespace {

using sync::api::Answer;

constexpr int kHallUtcOffsetMinutes = 480;   // the agency's calendar (Asia/Shanghai), as the server's

Answer<core::QueryAnswer> participation(const sync::HttpResult& r) {
  auto p = sync::api::parseParticipation(r);
  if (!p) return p.error();
  core::QueryAnswer a;
  for (const auto& row : p.value()) a.participation.push_back({row.type, row.status, row.since});
  return a;
}

Answer<core::QueryAnswer> contributions(const sync::HttpResult& r) {
  auto c = sync::api::parseContributions(r);
  if (!c) return c.error();
  core::QueryAnswer a;
  core::ContributionYear y;
  y.year = c->year.value_or(0);
  y.years = c->years;
  for (const auto& m : c->months)
    for (const auto& item : m.items)
      y.rows.push_back({m.month, item.type, item.status, item.baseFen, item.employerFen, item.personalFen});
  y.employerFen = c->employerFen;
  y.personalFen = c->personalFen;
  y.paidMonths = static_cast<int>(c->paidMonths);
  y.arrearsMonths = static_cast<int>(c->arrearsMonths);
  y.pensionMonthsAllYears = static_cast<int>(c->pensionPaidMonthsAllYears);
  a.contributions = std::move(y);
  return a;
}

Answer<core::QueryAnswer> pensionAccount(const sync::HttpResult& r) {
  auto p = sync::api::parsePensionAccount(r);
  if (!p) return p.error();
  core::QueryAnswer a;
  a.pensionBalanceFen = p->balanceFen;
  for (const auto& y : p->years) a.pensionYears.push_back({y.year, y.openingFen, y.contributedFen, y.interestFen, y.closingFen});
  return a;
}

Answer<core::QueryAnswer> benefits(const sync::HttpResult& r) {
  auto b = sync::api::parseBenefits(r);
  if (!b) return b.error();
  core::QueryAnswer a;
  for (const auto& p : b.value()) a.benefits.push_back({p.type, p.month, p.paidOn, p.amountFen});
  return a;
}

Answer<core::QueryAnswer> applications(const sync::HttpResult& r) {
  auto list = sync::api::parseApplications(r);
  if (!list) return list.error();
  core::QueryAnswer a;
  for (const auto& app : list.value())
    a.applications.push_back({app.acceptanceNumber, app.service, app.state, core::localDayOf(app.acceptedAt, kHallUtcOffsetMinutes), app.dueOn});
  return a;
}

}  // namespace

sync::HttpRequest queryRequest(core::QueryKind kind, const std::string& token, std::optional<int> year) {
  switch (kind) {
    case core::QueryKind::Participation: return sync::api::participation(token);
    case core::QueryKind::Contributions: return sync::api::contributions(token, year);
    case core::QueryKind::PensionAccount: return sync::api::pensionAccount(token);
    case core::QueryKind::Benefits: return sync::api::benefits(token);
    case core::QueryKind::Applications: return sync::api::applications(token);
  }
  return sync::api::participation(token);
}

Answer<core::QueryAnswer> queryAnswer(core::QueryKind kind, const sync::HttpResult& r) {
  switch (kind) {
    case core::QueryKind::Participation: return participation(r);
    case core::QueryKind::Contributions: return contributions(r);
    case core::QueryKind::PensionAccount: return pensionAccount(r);
    case core::QueryKind::Benefits: return benefits(r);
    case core::QueryKind::Applications: return applications(r);
  }
  return participation(r);
}

}  // namespace onestop::app
