#pragma once
// The months a certificate covers: `period` {"from":"YYYY-MM","to":"YYYY-MM"} of
// POST /v1/me/certificates, checked strictly. Absent means the whole record (what kiosks
// that predate the period ask for).
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/problem.hpp"

namespace onestop::central::api {

/// Months compare as text ("2021-01" < "2021-12"), so SQL can bound them with >= and <=.
struct CertificatePeriod {
  std::string from, to;   ///< inclusive, "YYYY-MM"
  bool wholeRecord = false;   ///< not asked for: `from` is settled by the records (the first month on record)
};

/// The longest period a citizen may ask for: a working life.
inline constexpr int kMaxPeriodMonths = 50 * 12;

/// The period asked for in `body` (field path "period.from"/"period.to" in a problem), or
/// the whole record up to `currentMonth` (the hall's calendar) when there is none.
std::optional<Problem> readCertificatePeriod(const nlohmann::json& body, std::string_view currentMonth,
                                             CertificatePeriod& out);

/// Months from `from` to `to` inclusive (both well-formed).
int monthsBetween(std::string_view from, std::string_view to);

}  // namespace onestop::central::api
