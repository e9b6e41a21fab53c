#include "api/certificate_period.hpp"

#include "api/fields.hpp"
#include "core/iso_date.hpp"

namespace onestop::central::api {
namespace {

bool isMonth(std::string_view s) { return s.substr(0, 4) >= "1900" && core::parseIsoMonth(s).has_value(); }

}  // namespace

int monthsBetween(std::string_view from, std::string_view to) {
  return *core::parseIsoMonth(to) - *core::parseIsoMonth(from) + 1;
}

std::optional<Problem> readCertificatePeriod(const nlohmann::json& body, std::string_view currentMonth,
                                             CertificatePeriod& out) {
  Fields top(body);
  const auto* period = top.object("period", false);
  if (!top.ok()) return top.problem();
  if (!period) {
    out = {"", std::string(currentMonth), true};
    return std::nullopt;
  }
  Fields f(*period, "period");
  const auto from = f.token("from", "0123456789-", 7, 7);
  const auto to = f.token("to", "0123456789-", 7, 7);
  if (!f.ok()) return f.problem();
  if (!isMonth(from)) f.fail("from", "must be a month YYYY-MM (1900 or later)");
  else if (!isMonth(to)) f.fail("to", "must be a month YYYY-MM (1900 or later)");
  else if (to < from) f.fail("to", "must not be before period.from");
  else if (to > currentMonth) f.fail("to", "must not be after the current month " + std::string(currentMonth));
  else if (monthsBetween(from, to) > kMaxPeriodMonths)
    f.fail("from", "the period may span at most " + std::to_string(kMaxPeriodMonths) + " months");
  if (!f.ok()) return f.problem();
  out = {from, to, false};
  return std::nullopt;
}

}  // namespace onestop::central::api
