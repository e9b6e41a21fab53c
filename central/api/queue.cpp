// POST /v1/queue-tickets: a number for a counter service ("A012"), with how many people
// are waiting ahead. Numbers restart every day; each counter service has its own letter.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "api/audit_trail.hpp"
#include "api/clock.hpp"
#include "api/fields.hpp"
#include "api/routes.hpp"
#include "api/sessions.hpp"
#include "core/service_catalogue.hpp"

namespace onestop::central::api {
namespace {

using nlohmann::json;

// 'A' for the first counter service of the catalogue, 'B' for the next…
std::optional<char> ticketPrefix(std::string_view serviceId) {
  char prefix = 'A';
  for (const auto& s : core::serviceCatalogue()) {
    if (s.handling != core::Handling::Counter) continue;
    if (s.id == serviceId) return prefix;
    ++prefix;
  }
  return std::nullopt;
}

ApiResponse takeTicket(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto service = f.token("service", "abcdefghijklmnopqrstuvwxyz_", 3, 40);
  if (!f.ok()) return toResponse(*f.problem());
  const auto prefix = ticketPrefix(service);
  if (!prefix) return toResponse(problems::invalidField("service", "is not a counter service"));
  const auto now = env.now();
  const auto day = isoDay(localDay(now, env.options.utcOffsetMinutes));
  const std::string letter(1, *prefix);

  return withConnection(env, "queue ticket", [&](store::Connection& c) -> ApiResponse {
    // Two instances may pick the same next number; the primary key refuses one, which retries.
    for (int attempt = 0; attempt < 5; ++attempt) {
      store::Transaction tx(c);
      if (!tx.started()) return storageFailure(tx.started().error(), "queue ticket");
      auto last = c.query("SELECT MAX(seq) FROM queue_tickets WHERE day = ? AND prefix = ?", {day, letter});
      if (!last) return storageFailure(last.error(), "queue ticket");
      const std::int64_t seq = (last->empty() ? 0 : last.value()[0].integer(0)) + 1;
      if (seq > 999) return toResponse(problems::conflict("no more numbers today for this service"));
      auto inserted = c.execute(
          "INSERT INTO queue_tickets (day, prefix, seq, service_id, kiosk_id, issued_at, state) "
          "VALUES (?, ?, ?, ?, ?, ?, 'waiting')",
          {day, letter, seq, service, request.caller.id, now});
      if (!inserted) {
        if (inserted.error().kind == store::DbError::Kind::UniqueViolation) continue;
        return storageFailure(inserted.error(), "queue ticket");
      }
      auto ahead = c.query(
          "SELECT COUNT(*) FROM queue_tickets WHERE day = ? AND prefix = ? AND state = 'waiting' AND seq < ?",
          {day, letter, seq});
      if (!ahead) return storageFailure(ahead.error(), "queue ticket");
      char number[8];
      std::snprintf(number, sizeof number, "%c%03d", *prefix, static_cast<int>(seq));
      auto audited = appendAudit(c, now, auditBy(request.caller, "queue.ticket_issued", number, service));
      if (!audited) return storageFailure(audited.error(), "audit");
      auto committed = tx.commit();
      if (!committed) return storageFailure(committed.error(), "queue ticket commit");
      return jsonResponse(201, json{{"number", number},
                                    {"service", service},
                                    {"peopleAhead", ahead->empty() ? 0 : ahead.value()[0].integer(0)},
                                    {"issuedAt", rfc3339(now)},
                                    {"day", day}}
                                   .dump());
    }
    return toResponse(problems::storageUnavailable());
  });
}

}  // namespace

void addQueueRoutes(Router& router, ApiEnv& env) {
  router.add("POST", "/v1/queue-tickets", [&env](const ApiRequest& r, const PathParams&) { return takeTicket(env, r); });
}

}  // namespace onestop::central::api
