#include "api/filing_details.hpp"

#include <algorithm>
#include <cstdio>

#include "api/acceptance_number.hpp"
#include "api/fields.hpp"
#include "core/utf8.hpp"

namespace onestop::central::api {
namespace {

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isMonth(std::string_view s) {
  return s.size() == 7 && s[4] == '-' && allDigits(s.substr(0, 4)) && allDigits(s.substr(5, 2)) &&
         s.substr(5, 2) >= "01" && s.substr(5, 2) <= "12";
}

// "YYYY-MM" + n months.
std::string addMonths(std::string_view month, int n) {
  int y = std::stoi(std::string(month.substr(0, 4))), m = std::stoi(std::string(month.substr(5, 2))) - 1 + n;
  y += m / 12;
  m %= 12;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m + 1);
  return buf;
}

}  // namespace

bool isFileableService(std::string_view service) {
  return service == "change_phone" || service == "change_address" || service == "change_bank_account" ||
         service == "report_card_loss" || service == "flexible_employment";
}

std::variant<nlohmann::json, Problem> validateFilingDetails(std::string_view service, const nlohmann::json& details,
                                                            std::string_view currentMonth) {
  Fields f(details, "details");
  nlohmann::json out = nlohmann::json::object();
  if (service == "change_phone") {
    const auto phone = f.token("phone", "0123456789", 11, 11);
    if (f.ok() && (phone[0] != '1' || phone[1] < '3'))
      f.fail("phone", "must be a mainland mobile number (11 digits, 13x–19x)");
    out["phone"] = phone;
  } else if (service == "change_address") {
    const auto address = f.text("address", 100);
    if (f.ok() && core::decodeUtf8(address).size() < 5) f.fail("address", "is too short to be an address");
    out["address"] = address;
  } else if (service == "change_bank_account") {
    out["bankName"] = f.text("bankName", 40);
    const auto account = f.token("accountNumber", "0123456789", 12, 19);
    if (f.ok() && luhnCheckDigit(std::string_view(account).substr(0, account.size() - 1)) != account.back())
      f.fail("accountNumber", "fails its check digit (mistyped?)");
    out["accountNumber"] = account;
  } else if (service == "report_card_loss") {
    // Nothing to carry: the citizen is identified by the session.
  } else if (service == "flexible_employment") {
    const auto start = f.token("startMonth", "0123456789-", 7, 7);
    if (f.ok() && (!isMonth(start) || start < addMonths(currentMonth, -1) || start > addMonths(currentMonth, 3)))
      f.fail("startMonth", "must be a month from last month to three months ahead (YYYY-MM)");
    out["startMonth"] = start;
    // Bases between 60% and 300% of an average wage; fen.
    out["baseFen"] = f.integer("baseFen", 300000, 3000000);
  } else {
    return problems::serviceNotFiled(service);
  }
  if (!f.ok()) return *f.problem();
  return out;
}

}  // namespace onestop::central::api
