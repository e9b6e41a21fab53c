#pragma once
// Expands the named demo people of people.json into full database records, the same way
// on every run: a person's internal id, bank account and e-SSC token follow from their
// key, and months are counted back from the reference date (the server passes today).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "demo/people_file.hpp"
#include "demo/records.hpp"

namespace onestop::central::demo {

/// Internal id of a named demo person: "C0" + 5 digits from the key (synthetic people
/// use C100000 and up, so the two never meet).
std::string demoCitizenId(std::string_view key);

/// The person's records, or nullopt when they are not in the system. Refuses (with the
/// person's key, never their data) an ID number that fails its check, an unknown
/// insurance type or status, and malformed months.
core::Result<std::optional<CitizenRecords>> expandDemoPerson(const DemoPerson& person,
                                                             std::chrono::year_month_day referenceDate);

/// Every in-system person's records, in file order. Also refuses duplicate keys, ID
/// numbers or internal ids.
core::Result<std::vector<CitizenRecords>> expandDemoPeople(const std::vector<DemoPerson>& people,
                                                           std::chrono::year_month_day referenceDate);

}  // namespace onestop::central::demo
