// The citizen's own records, read through a session: participation, contributions by
// year, the pension personal account, benefit payments, applications, the masked profile. Every read is audited.
#include <set>

#include <nlohmann/json.hpp>

#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/routes.hpp"
#include "api/sessions.hpp"
#include "core/masking.hpp"
#include "core/service_catalogue.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;
using Reader = std::function<store::DbResult<json>(store::Connection&, const CitizenSession&, const ApiRequest&,
                                                   std::optional<Problem>&)>;

// Resolves the session, runs the reader and audits the read in one transaction.
ApiResponse readRecords(ApiEnv& env, const ApiRequest& request, const std::string& action, const Reader& reader) {
  return withConnection(env, action, [&](store::Connection& c) -> ApiResponse {
    const auto now = env.now();
    auto s = resolveSession(c, request, now);
    if (auto* p = std::get_if<Problem>(&s)) return toResponse(*p);
    const auto& session = std::get<CitizenSession>(s);
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), action);
    std::optional<Problem> problem;
    auto data = reader(c, session, request, problem);
    if (problem) return toResponse(*problem);
    if (!data) return storageFailure(data.error(), action);
    auto audited = appendAudit(c, now, auditBy(request.caller, action, session.citizenId));
    if (!audited) return storageFailure(audited.error(), "audit");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), action);
    return jsonResponse(200, data->dump());
  });
}

store::DbResult<json> participation(store::Connection& c, const CitizenSession& s, const ApiRequest&,
                                    std::optional<Problem>&) {
  auto current = c.query(
      "SELECT insurance_type, status, since FROM participations WHERE citizen_id = ? ORDER BY insurance_type",
      {s.citizenId});
  if (!current) return current.error();
  auto history = c.query(
      "SELECT insurance_type, from_month, to_month, status, employer FROM participation_history "
      "WHERE citizen_id = ? ORDER BY insurance_type, seq",
      {s.citizenId});
  if (!history) return history.error();
  json list = json::array();
  for (const auto& r : current->rows) {
    json periods = json::array();
    for (const auto& h : history->rows)
      if (h.text(0) == r.text(0))
        periods.push_back({{"from", h.text(1)}, {"to", h.text(2)}, {"status", h.text(3)}, {"employer", h.text(4)}});
    list.push_back({{"type", r.text(0)}, {"status", r.text(1)}, {"since", r.text(2)}, {"history", periods}});
  }
  return json{{"participations", list}};
}

store::DbResult<json> contributions(store::Connection& c, const CitizenSession& s, const ApiRequest& request,
                                    std::optional<Problem>& problem) {
  auto years = c.query(
      "SELECT DISTINCT substr(month, 1, 4) FROM contributions WHERE citizen_id = ? ORDER BY 1", {s.citizenId});
  if (!years) return years.error();
  json yearList = json::array();
  for (const auto& r : years->rows) yearList.push_back(std::stoi(r.text(0)));
  std::string year;
  if (auto it = request.query.find("year"); it != request.query.end()) {
    year = it->second;
    if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) {
      problem = problems::invalidField("year", "must be a four-digit year");
      return json{};
    }
  } else if (!years->empty()) {
    year = years->rows.back().text(0);
  }
  auto rows = c.query(
      "SELECT month, insurance_type, base_fen, employer_fen, personal_fen, status FROM contributions "
      "WHERE citizen_id = ? AND substr(month, 1, 4) = ? ORDER BY month, insurance_type",
      {s.citizenId, year});
  if (!rows) return rows.error();
  json months = json::array();
  std::int64_t employerTotal = 0, personalTotal = 0;
  std::set<std::string> paidMonths, arrearsMonths;
  for (const auto& r : rows->rows) {
    if (months.empty() || months.back()["month"] != r.text(0)) months.push_back({{"month", r.text(0)}, {"items", json::array()}});
    months.back()["items"].push_back({{"type", r.text(1)},
                                      {"baseFen", r.integer(2)},
                                      {"employerFen", r.integer(3)},
                                      {"personalFen", r.integer(4)},
                                      {"status", r.text(5)}});
    employerTotal += r.integer(3);
    personalTotal += r.integer(4);
    (r.text(5) == "arrears" ? arrearsMonths : paidMonths).insert(r.text(0));
  }
  auto totals = c.query(
      "SELECT COUNT(DISTINCT month) FROM contributions WHERE citizen_id = ? AND insurance_type = 'pension' "
      "AND status <> 'arrears'",
      {s.citizenId});
  if (!totals) return totals.error();
  return json{{"years", yearList},
              {"year", year.empty() ? json(nullptr) : json(std::stoi(year))},
              {"months", months},
              {"yearTotals",
               {{"employerFen", employerTotal},
                {"personalFen", personalTotal},
                {"paidMonths", paidMonths.size()},
                {"arrearsMonths", arrearsMonths.size()}}},
              {"pensionPaidMonthsAllYears", totals->empty() ? 0 : totals.value()[0].integer(0)}};
}

store::DbResult<json> pensionAccount(store::Connection& c, const CitizenSession& s, const ApiRequest&,
                                     std::optional<Problem>&) {
  auto rows = c.query(
      "SELECT year, opening_fen, contributed_fen, interest_fen, closing_fen, interest_rate FROM pension_accounts "
      "WHERE citizen_id = ? ORDER BY year",
      {s.citizenId});
  if (!rows) return rows.error();
  json years = json::array();
  for (const auto& r : rows->rows)
    years.push_back({{"year", r.integer(0)},
                     {"openingFen", r.integer(1)},
                     {"contributedFen", r.integer(2)},
                     {"interestFen", r.integer(3)},
                     {"closingFen", r.integer(4)},
                     {"interestRate", r.real(5)}});
  const std::int64_t balance = rows->empty() ? 0 : rows->rows.back().integer(4);
  return json{{"balanceFen", balance}, {"years", years}};
}

store::DbResult<json> benefits(store::Connection& c, const CitizenSession& s, const ApiRequest&,
                               std::optional<Problem>&) {
  // The most recent ten years are plenty for a kiosk screen or certificate.
  auto rows = c.query(
      "SELECT benefit_type, month, amount_fen, paid_on FROM benefit_payments WHERE citizen_id = ? "
      "ORDER BY month DESC LIMIT 120",
      {s.citizenId});
  if (!rows) return rows.error();
  json list = json::array();
  for (const auto& r : rows->rows)
    list.push_back({{"type", r.text(0)}, {"month", r.text(1)}, {"amountFen", r.integer(2)}, {"paidOn", r.text(3)}});
  return json{{"payments", list}};
}

store::DbResult<json> applications(store::Connection& c, const CitizenSession& s, const ApiRequest&,
                                   std::optional<Problem>&) {
  auto rows = c.query(
      "SELECT acceptance_number, service_id, state, reason, accepted_at, due_on, updated_at FROM applications "
      "WHERE citizen_id = ? ORDER BY accepted_at DESC LIMIT 50",
      {s.citizenId});
  if (!rows) return rows.error();
  json list = json::array();
  for (const auto& r : rows->rows)
    list.push_back({{"acceptanceNumber", r.text(0)},
                    {"service", r.text(1)},
                    {"state", r.text(2)},
                    {"reason", r.text(3)},
                    {"acceptedAt", rfc3339(r.integer(4))},
                    {"dueOn", r.text(5)},
                    {"updatedAt", rfc3339(r.integer(6))}});
  return json{{"applications", list}};
}

// What a change filing would replace, masked: the kiosk shows old → new on its confirm
// screen and never needs the full current value. Changes still being handled are listed,
// so a citizen learns before submitting that one is already under way.
store::DbResult<json> profile(store::Connection& c, const CitizenSession& s, const ApiRequest&,
                              std::optional<Problem>& problem) {
  auto rows = c.query("SELECT phone, address, bank_account, card_status FROM citizens WHERE id = ?", {s.citizenId});
  if (!rows) return rows.error();
  if (rows->empty()) {
    problem = problems::citizenNotFound();
    return json{};
  }
  const auto& r = rows.value()[0];
  auto masked = [](const std::string& value, const std::string& m) { return value.empty() ? json(nullptr) : json(m); };
  const std::string phone = r.text(0), address = r.text(1), account = r.text(2);
  auto open = c.query(
      "SELECT acceptance_number, service_id, state FROM applications WHERE citizen_id = ? "
      "AND state IN ('accepted', 'in_review', 'first_review_done', 'approved') ORDER BY accepted_at",
      {s.citizenId});
  if (!open) return open.error();
  json pending = json::array();
  for (const auto& p : open->rows)
    pending.push_back({{"acceptanceNumber", p.text(0)}, {"service", p.text(1)}, {"state", p.text(2)}});
  return json{{"phoneMasked", masked(phone, core::maskPhone(phone))},
              {"addressMasked", masked(address, core::maskAddress(address, core::regionPrefixChars(address)))},
              {"bankAccountMasked", masked(account, core::maskBankAccount(account))},
              {"socialSecurityCardStatus", r.text(3)},
              {"pendingChanges", pending}};
}

}  // namespace

void addRecordsRoutes(Router& router, ApiEnv& env) {
  auto add = [&](std::string path, std::string action, Reader reader) {
    router.add("GET", std::move(path), [&env, action, reader](const ApiRequest& r, const PathParams&) {
      return readRecords(env, r, action, reader);
    });
  };
  add("/v1/me/participation", "records.participation.read", participation);
  add("/v1/me/contributions", "records.contributions.read", contributions);
  add("/v1/me/pension-account", "records.pension_account.read", pensionAccount);
  add("/v1/me/benefits", "records.benefits.read", benefits);
  add("/v1/me/applications", "records.applications.read", applications);
  add("/v1/me/profile", "records.profile.read", profile);
}

}  // namespace onestop::central::api
