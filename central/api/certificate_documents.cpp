#include "api/certificate_documents.hpp"

#include <algorithm>
#include <map>

#include "core/masking.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

// Participations joined by the period's end, with their paid and owed months inside it.
store::DbResult<json> participationSection(store::Connection& c, const std::string& citizenId,
                                           const CertificatePeriod& period) {
  auto rows = c.query(
      "SELECT p.insurance_type, p.status, p.since, "
      "(SELECT COUNT(*) FROM contributions k WHERE k.citizen_id = p.citizen_id AND "
      " k.insurance_type = p.insurance_type AND k.status <> 'arrears' AND k.month >= ? AND k.month <= ?), "
      "(SELECT COUNT(*) FROM contributions k WHERE k.citizen_id = p.citizen_id AND "
      " k.insurance_type = p.insurance_type AND k.status = 'arrears' AND k.month >= ? AND k.month <= ?) "
      "FROM participations p WHERE p.citizen_id = ? AND p.since <= ? ORDER BY p.insurance_type",
      {period.from, period.to, period.from, period.to, citizenId, period.to});
  if (!rows) return rows.error();
  json list = json::array();
  for (const auto& r : rows->rows)
    list.push_back({{"type", r.text(0)},
                    {"status", r.text(1)},
                    {"since", r.text(2)},
                    {"paidMonths", r.integer(3)},
                    {"arrearsMonths", r.integer(4)}});
  return list;
}

std::int64_t monthsCounted(const json& participations) {
  std::int64_t n = 0;
  for (const auto& p : participations) n += p["paidMonths"].get<std::int64_t>() + p["arrearsMonths"].get<std::int64_t>();
  return n;
}

store::DbResult<json> yearlySection(store::Connection& c, const std::string& citizenId, const CertificatePeriod& period) {
  auto rows = c.query(
      "SELECT substr(month, 1, 4), COUNT(DISTINCT month), MAX(base_fen), SUM(employer_fen), SUM(personal_fen) "
      "FROM contributions WHERE citizen_id = ? AND insurance_type = 'pension' AND status <> 'arrears' "
      "AND month >= ? AND month <= ? GROUP BY substr(month, 1, 4) ORDER BY 1",
      {citizenId, period.from, period.to});
  if (!rows) return rows.error();
  json list = json::array();
  for (const auto& r : rows->rows)
    list.push_back({{"year", r.integer(0)},
                    {"paidMonths", r.integer(1)},
                    {"baseFen", r.integer(2)},
                    {"employerFen", r.integer(3)},
                    {"personalFen", r.integer(4)}});
  return list;
}

// The whole record starts at the first month on record for the type (contributions, or
// benefit payments); a participation without any contribution starts at its enrolment.
store::DbResult<std::string> firstMonthOnRecord(store::Connection& c, const std::string& citizenId,
                                                seal::CertificateType type) {
  const char* sql = type == seal::CertificateType::Benefit
                        ? "SELECT MIN(month) FROM benefit_payments WHERE citizen_id = ?"
                        : "SELECT MIN(m) FROM (SELECT month AS m FROM contributions WHERE citizen_id = ? "
                          "UNION ALL SELECT since AS m FROM participations WHERE citizen_id = ?) AS months";
  auto rows = type == seal::CertificateType::Benefit ? c.query(sql, {citizenId}) : c.query(sql, {citizenId, citizenId});
  if (!rows) return rows.error();
  if (rows->empty() || rows.value()[0].isNull(0)) return std::string{};
  return rows.value()[0].text(0);
}

std::string describe(const CertificatePeriod& period) {
  return period.wholeRecord ? std::string("on record") : "between " + period.from + " and " + period.to;
}

}  // namespace

store::DbResult<std::optional<json>> buildCertificateDocument(store::Connection& c, const CertificateHolder& holder,
                                                              seal::CertificateType type, CertificatePeriod period,
                                                              std::string& why) {
  if (period.wholeRecord) {
    auto first = firstMonthOnRecord(c, holder.citizenId, type);
    if (!first) return first.error();
    // Nothing on record at all: the sections below say which kind of record is missing.
    period.from = first->empty() || first.value() > period.to ? period.to : first.value();
  }
  json doc = {{"holder", {{"name", holder.name}, {"idNumberMasked", core::maskIdNumber(holder.idNumber)}}},
              {"period", {{"from", period.from}, {"to", period.to}}}};
  auto participation = participationSection(c, holder.citizenId, period);
  if (!participation) return participation.error();
  switch (type) {
    case seal::CertificateType::Participation:
      if (participation->empty() || (!period.wholeRecord && monthsCounted(participation.value()) == 0)) {
        why = "no participation " + describe(period);
        return std::optional<json>{};
      }
      doc["participations"] = participation.value();
      break;
    case seal::CertificateType::RightsRecord: {
      auto years = yearlySection(c, holder.citizenId, period);
      if (!years) return years.error();
      if (years->empty()) {
        why = "no contributions " + describe(period);
        return std::optional<json>{};
      }
      // The balance at the end of the last year the period reaches into.
      auto account = c.query(
          "SELECT closing_fen, year FROM pension_accounts WHERE citizen_id = ? AND year >= ? AND year <= ? "
          "ORDER BY year DESC LIMIT 1",
          {holder.citizenId, std::int64_t{std::stoi(period.from.substr(0, 4))}, std::int64_t{std::stoi(period.to.substr(0, 4))}});
      if (!account) return account.error();
      doc["participations"] = participation.value();
      doc["contributionsByYear"] = years.value();
      doc["pensionAccount"] = account->empty() ? json{{"balanceFen", 0}, {"asOfYear", nullptr}}
                                               : json{{"balanceFen", account.value()[0].integer(0)},
                                                      {"asOfYear", account.value()[0].integer(1)}};
      break;
    }
    case seal::CertificateType::Benefit: {
      auto rows = c.query(
          "SELECT benefit_type, MIN(month), MAX(month), COUNT(*), SUM(amount_fen) FROM benefit_payments "
          "WHERE citizen_id = ? AND month >= ? AND month <= ? GROUP BY benefit_type ORDER BY benefit_type",
          {holder.citizenId, period.from, period.to});
      if (!rows) return rows.error();
      if (rows->empty()) {
        why = "no benefit payments " + describe(period);
        return std::optional<json>{};
      }
      json list = json::array();
      for (const auto& r : rows->rows) {
        auto latest = c.query(
            "SELECT amount_fen FROM benefit_payments WHERE citizen_id = ? AND benefit_type = ? AND month <= ? "
            "ORDER BY month DESC LIMIT 1",
            {holder.citizenId, r.text(0), period.to});
        if (!latest) return latest.error();
        list.push_back({{"type", r.text(0)},
                        {"since", r.text(1)},
                        {"latestMonth", r.text(2)},
                        {"payments", r.integer(3)},
                        {"totalFen", r.integer(4)},
                        {"monthlyFen", latest->empty() ? 0 : latest.value()[0].integer(0)}});
      }
      doc["benefits"] = list;
      break;
    }
  }
  return std::optional<json>{doc};
}

std::vector<seal::DocumentField> flattenDocument(const json& document) {
  std::vector<seal::DocumentField> out;
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return s;
  };
  std::function<void(const json&, const std::string&)> walk = [&](const json& node, const std::string& path) {
    if (node.is_object()) {
      for (auto it = node.begin(); it != node.end(); ++it) walk(it.value(), path.empty() ? lower(it.key()) : path + "." + lower(it.key()));
    } else if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], path + "." + std::to_string(i));
    } else {
      out.push_back({path, node.is_string() ? node.get<std::string>() : node.dump()});
    }
  };
  walk(document, "");
  return out;
}

}  // namespace onestop::central::api
