#pragma once
// Applications: every transaction that gets a receipt (a filing, an issued certificate)
// is one row with an acceptance number, a promised due date and a state history.
#include <string>

#include "store/database.hpp"

namespace onestop::central::api {

struct NewApplication {
  std::string acceptanceNumber;
  std::string dueOn;          ///< local date, "YYYY-MM-DD"
  int timeLimitWorkingDays = 0;
};

/// Inserts the application and its first event. `serviceId` must be in the catalogue.
store::DbResult<NewApplication> createApplication(store::Connection& c, const std::string& citizenId,
                                                  const std::string& serviceId, const std::string& kioskId,
                                                  const std::string& state, const std::string& details,
                                                  std::int64_t now, int utcOffsetMinutes);

/// Moves an application from `from` to `to` and records the event; false when it is no
/// longer in `from` (someone else moved it first: the update is conditional, so two staff
/// acting at once cannot both succeed).
store::DbResult<bool> recordTransition(store::Connection& c, const std::string& acceptanceNumber,
                                       const std::string& from, const std::string& to, const std::string& actor,
                                       const std::string& note, std::int64_t now);

}  // namespace onestop::central::api
