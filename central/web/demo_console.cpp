#include "web/demo_console.hpp"

#include <nlohmann/json.hpp>

#include "api/acceptance_number.hpp"
#include "api/applications.hpp"
#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/filing_details.hpp"
#include "demo/demo_citizens.hpp"

namespace onestop::central::web {
namespace {

using nlohmann::json;

constexpr const char* kDemoKiosk = "KIOSK-DEMO-01";
constexpr std::int64_t kHour = 3600, kDay = 86400;

struct DemoFiling {
  std::string personKey, service;
  json details;
  std::int64_t age;            ///< seconds before now
  std::string firstReviewer;   ///< "" = still accepted
};

// A bank account under the demo prefix 62220000 with a valid Luhn check digit.
std::string demoAccount(const std::string& middle) {
  const std::string digits = "62220000" + middle;
  return digits + api::luhnCheckDigit(digits);
}

std::vector<DemoFiling> demoFilings(std::chrono::year_month_day today) {
  const auto next = std::chrono::year_month_day{std::chrono::sys_days{today} + std::chrono::days{31}};
  return {
      {"worker", "change_phone", {{"phone", "13800001234"}}, 3 * kDay, ""},
      {"arrears", "change_address", {{"address", "测试省测试市测试区测试路88号3单元501室"}}, 2 * kHour, ""},
      {"retiree", "change_bank_account", {{"bankName", "测试银行测试支行"}, {"accountNumber", demoAccount("2024061500")}},
       1 * kDay, ""},
      {"suspended", "flexible_employment", {{"startMonth", api::isoMonth(next)}, {"baseFen", 420000}}, 4 * kDay, ""},
      {"long-address", "change_bank_account",
       {{"bankName", "测试农村商业银行"}, {"accountNumber", demoAccount("2025031800")}}, 2 * kDay, "reviewer1"},
  };
}

// The audit log says what happened when: the demo set-up wrote these rows now (the filings'
// own times are back-dated so that the queue shows a spread of time left).
store::DbResult<store::Done> audit(store::Connection& c, std::int64_t now, const std::string& subject,
                                   const std::string& detail) {
  return api::appendAudit(c, now, api::AuditRecord{"system", "demo-setup", "demo.filing_seeded", subject, detail});
}

core::Result<int> seedFilings(store::Connection& c, std::int64_t now, int utcOffsetMinutes) {
  int written = 0;
  const auto today = api::localDay(now, utcOffsetMinutes);
  for (const auto& f : demoFilings(today)) {
    const auto details = api::validateFilingDetails(f.service, f.details, api::isoMonth(today));
    if (!std::holds_alternative<json>(details)) return core::Error{"demo filing " + f.personKey + " is invalid"};
    const auto at = now - f.age;
    const auto citizen = demo::demoCitizenId(f.personKey);
    auto created = api::createApplication(c, citizen, f.service, kDemoKiosk, "accepted",
                                          std::get<json>(details).dump(), at, utcOffsetMinutes);
    if (!created) return core::Error{"demo filing: " + created.error().message};
    auto audited = audit(c, now, created->acceptanceNumber,
                         f.firstReviewer.empty() ? f.service : f.service + ", first review by " + f.firstReviewer);
    if (!audited) return core::Error{"demo filing audit: " + audited.error().message};
    if (!f.firstReviewer.empty()) {
      const auto reviewedAt = at + kDay / 2;
      for (const char* to : {"in_review", "first_review_done"}) {
        const std::string from = std::string(to) == "in_review" ? "accepted" : "in_review";
        auto moved = api::recordTransition(c, created->acceptanceNumber, from, to, f.firstReviewer, "", reviewedAt);
        if (!moved) return core::Error{"demo first review: " + moved.error().message};
      }
    }
    ++written;
  }
  return written;
}

}  // namespace

const std::vector<DemoStaffAccount>& demoStaffAccounts() {
  static const std::vector<DemoStaffAccount> accounts = {
      {"reviewer1", "测试审核员甲", Role::Reviewer},
      {"reviewer2", "测试审核员乙", Role::Reviewer},
      {"supervisor", "测试科长", Role::Supervisor},
      {"auditor", "测试审计员", Role::Auditor},
  };
  return accounts;
}

core::Result<DemoConsoleSummary> seedDemoConsole(store::Connection& c, std::int64_t now, int utcOffsetMinutes) {
  auto existing = c.query("SELECT COUNT(*) FROM staff_accounts WHERE login = ?", {demoStaffAccounts().front().login});
  if (!existing) return core::Error{"demo staff: " + existing.error().message};
  if (!existing->empty() && existing.value()[0].integer(0) > 0) return DemoConsoleSummary{};
  store::Transaction tx(c);
  if (!tx.started()) return core::Error{"demo staff: " + tx.started().error().message};
  DemoConsoleSummary summary;
  for (const auto& a : demoStaffAccounts()) {
    auto created = createStaffAccount(c, {a.login, a.displayName, a.role, kDemoStaffPassword}, now);
    if (!created) return core::Error{"demo staff " + a.login + ": " + created.error()};
    ++summary.accounts;
  }
  auto filings = seedFilings(c, now, utcOffsetMinutes);
  if (!filings) return core::Error{filings.error()};
  summary.filings = filings.value();
  auto committed = tx.commit();
  if (!committed) return core::Error{"demo staff: " + committed.error().message};
  return summary;
}

}  // namespace onestop::central::web
