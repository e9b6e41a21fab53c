#include "api/certificate_documents.hpp"

#include <algorithm>
#include <map>

#include "core/masking.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

store::DbResult<json> participationSection(store::Connection& c, const std::string& citizenId) {
  auto rows = c.query(
      "SELECT p.insurance_type, p.status, p.since, "
      "(SELECT COUNT(*) FROM contributions k WHERE k.citizen_id = p.citizen_id AND "
      " k.insurance_type = p.insurance_type AND k.status <> 'arrears'), "
      "(SELECT COUNT(*) FROM contributions k WHERE k.citizen_id = p.citizen_id AND "
      " k.insurance_type = p.insurance_type AND k.status = 'arrears') "
      "FROM participations p WHERE p.citizen_id = ? ORDER BY p.insurance_type",
      {citizenId});
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

store::DbResult<json> yearlySection(store::Connection& c, const std::string& citizenId) {
  auto rows = c.query(
      "SELECT substr(month, 1, 4), COUNT(DISTINCT month), MAX(base_fen), SUM(employer_fen), SUM(personal_fen) "
      "FROM contributions WHERE citizen_id = ? AND insurance_type = 'pension' AND status <> 'arrears' "
      "GROUP BY substr(month, 1, 4) ORDER BY 1",
      {citizenId});
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

}  // namespace

store::DbResult<std::optional<json>> buildCertificateDocument(store::Connection& c, const CertificateHolder& holder,
                                                              seal::CertificateType type, std::string& why) {
  json doc = {{"holder", {{"name", holder.name}, {"idNumberMasked", core::maskIdNumber(holder.idNumber)}}}};
  auto participation = participationSection(c, holder.citizenId);
  if (!participation) return participation.error();
  switch (type) {
    case seal::CertificateType::Participation:
      if (participation->empty()) {
        why = "no participation on record";
        return std::optional<json>{};
      }
      doc["participations"] = participation.value();
      break;
    case seal::CertificateType::RightsRecord: {
      auto years = yearlySection(c, holder.citizenId);
      if (!years) return years.error();
      if (years->empty()) {
        why = "no contributions on record";
        return std::optional<json>{};
      }
      auto account = c.query(
          "SELECT closing_fen, year FROM pension_accounts WHERE citizen_id = ? ORDER BY year DESC LIMIT 1",
          {holder.citizenId});
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
          "WHERE citizen_id = ? GROUP BY benefit_type ORDER BY benefit_type",
          {holder.citizenId});
      if (!rows) return rows.error();
      if (rows->empty()) {
        why = "no benefit payments on record";
        return std::optional<json>{};
      }
      json list = json::array();
      for (const auto& r : rows->rows) {
        auto latest = c.query(
            "SELECT amount_fen FROM benefit_payments WHERE citizen_id = ? AND benefit_type = ? ORDER BY month DESC LIMIT 1",
            {holder.citizenId, r.text(0)});
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
