#include "api/applications.hpp"

#include "api/acceptance_number.hpp"
#include "api/clock.hpp"
#include "core/service_catalogue.hpp"

namespace onestop::central::api {

store::DbResult<NewApplication> createApplication(store::Connection& c, const std::string& citizenId,
                                                  const std::string& serviceId, const std::string& kioskId,
                                                  const std::string& state, const std::string& details,
                                                  std::int64_t now, int utcOffsetMinutes) {
  const auto* service = core::findService(serviceId);
  if (!service) return store::DbError{store::DbError::Kind::Other, "unknown service " + serviceId};
  const auto today = localDay(now, utcOffsetMinutes);
  NewApplication a;
  a.timeLimitWorkingDays = service->timeLimitWorkingDays;
  a.dueOn = isoDay(addWorkingDays(today, service->timeLimitWorkingDays));
  // A clash of random numbers is rare (10^7 per day); look first so the insert below
  // does not abort the transaction on PostgreSQL.
  for (int attempt = 0; attempt < 8; ++attempt) {
    a.acceptanceNumber = newAcceptanceNumber(today);
    auto taken = c.query("SELECT 1 FROM applications WHERE acceptance_number = ?", {a.acceptanceNumber});
    if (!taken) return taken.error();
    if (taken->empty()) break;
  }
  auto inserted = c.execute(
      "INSERT INTO applications (acceptance_number, citizen_id, service_id, kiosk_id, state, details, accepted_at, "
      "due_on, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.acceptanceNumber, citizenId, serviceId, kioskId, state, details, now, a.dueOn, now});
  if (!inserted) return inserted.error();
  auto event = c.execute(
      "INSERT INTO application_events (acceptance_number, seq, at, state, actor, note) VALUES (?, 1, ?, ?, ?, '')",
      {a.acceptanceNumber, now, state, kioskId});
  if (!event) return event.error();
  return a;
}

store::DbResult<bool> recordTransition(store::Connection& c, const std::string& acceptanceNumber,
                                       const std::string& from, const std::string& to, const std::string& actor,
                                       const std::string& note, std::int64_t now) {
  auto updated = c.execute(
      "UPDATE applications SET state = ?, reason = ?, updated_at = ? WHERE acceptance_number = ? AND state = ?",
      {to, note, now, acceptanceNumber, from});
  if (!updated) return updated.error();
  if (updated.value() == 0) return false;
  auto last = c.query("SELECT MAX(seq) FROM application_events WHERE acceptance_number = ?", {acceptanceNumber});
  if (!last) return last.error();
  const std::int64_t seq = (last->empty() ? 0 : last.value()[0].integer(0)) + 1;
  auto event = c.execute(
      "INSERT INTO application_events (acceptance_number, seq, at, state, actor, note) VALUES (?, ?, ?, ?, ?, ?)",
      {acceptanceNumber, seq, now, to, actor, note});
  if (!event) return event.error();
  return true;
}

}  // namespace onestop::central::api
