// POST /v1/queue-tickets: a number for a counter service ("A012"), with how many people
// are waiting ahead. Numbers restart every day; each counter service has its own letter.
// A kiosk also reserves a few numbers per service while it is online
// (POST /v1/queue-tickets/reservations) so that it can go on handing out tickets while it
// cannot reach this server, and reports each one it hands out when it is back
// (POST /v1/queue-tickets/{number}/issue). Reserved numbers nobody took are never called;
// counters call waiting tickets in order of issue time.
#include <algorithm>
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

constexpr int kLastNumber = 999;       // three digits after the letter
constexpr int kMaxReservation = 20;    // a kiosk's offline stock for one service

std::string ticketNumber(char prefix, std::int64_t seq) {
  char number[8];
  std::snprintf(number, sizeof number, "%c%03d", prefix, static_cast<int>(seq));
  return number;
}

// The highest number given or reserved today for the letter (0: none yet).
store::DbResult<std::int64_t> lastSeq(store::Connection& c, const std::string& day, const std::string& letter) {
  auto last = c.query("SELECT MAX(seq) FROM queue_tickets WHERE day = ? AND prefix = ?", {day, letter});
  if (!last) return last.error();
  return last->empty() ? std::int64_t{0} : last.value()[0].integer(0);
}

// Waiting tickets of the same letter issued before this one (same second: lower number).
store::DbResult<std::int64_t> peopleAhead(store::Connection& c, const std::string& day, const std::string& letter,
                                                   std::int64_t seq, std::int64_t issuedAt) {
  auto ahead = c.query(
      "SELECT COUNT(*) FROM queue_tickets WHERE day = ? AND prefix = ? AND state = 'waiting' "
      "AND (issued_at < ? OR (issued_at = ? AND seq < ?))",
      {day, letter, issuedAt, issuedAt, seq});
  if (!ahead) return ahead.error();
  return ahead->empty() ? std::int64_t{0} : ahead.value()[0].integer(0);
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
      auto last = lastSeq(c, day, letter);
      if (!last) return storageFailure(last.error(), "queue ticket");
      const std::int64_t seq = last.value() + 1;
      if (seq > kLastNumber) return toResponse(problems::conflict("no more numbers today for this service"));
      auto inserted = c.execute(
          "INSERT INTO queue_tickets (day, prefix, seq, service_id, kiosk_id, issued_at, state) "
          "VALUES (?, ?, ?, ?, ?, ?, 'waiting')",
          {day, letter, seq, service, request.caller.id, now});
      if (!inserted) {
        if (inserted.error().kind == store::DbError::Kind::UniqueViolation) continue;
        return storageFailure(inserted.error(), "queue ticket");
      }
      auto ahead = peopleAhead(c, day, letter, seq, now);
      if (!ahead) return storageFailure(ahead.error(), "queue ticket");
      const std::string number = ticketNumber(*prefix, seq);
      auto audited = appendAudit(c, now, auditBy(request.caller, "queue.ticket_issued", number, service));
      if (!audited) return storageFailure(audited.error(), "audit");
      auto committed = tx.commit();
      if (!committed) return storageFailure(committed.error(), "queue ticket commit");
      return jsonResponse(201, json{{"number", number},
                                    {"service", service},
                                    {"peopleAhead", ahead.value()},
                                    {"issuedAt", rfc3339(now)},
                                    {"day", day}}
                                   .dump());
    }
    return toResponse(problems::storageUnavailable());
  });
}

ApiResponse reserveNumbers(ApiEnv& env, const ApiRequest& request) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto service = f.token("service", "abcdefghijklmnopqrstuvwxyz_", 3, 40);
  const auto count = f.integer("count", 1, kMaxReservation);
  if (!f.ok()) return toResponse(*f.problem());
  const auto prefix = ticketPrefix(service);
  if (!prefix) return toResponse(problems::invalidField("service", "is not a counter service"));
  const auto now = env.now();
  const auto day = isoDay(localDay(now, env.options.utcOffsetMinutes));
  const std::string letter(1, *prefix);

  return withConnection(env, "queue reservation", [&](store::Connection& c) -> ApiResponse {
    for (int attempt = 0; attempt < 5; ++attempt) {
      store::Transaction tx(c);
      if (!tx.started()) return storageFailure(tx.started().error(), "queue reservation");
      auto last = lastSeq(c, day, letter);
      if (!last) return storageFailure(last.error(), "queue reservation");
      const std::int64_t first = last.value() + 1;
      const std::int64_t end = std::min<std::int64_t>(first + count - 1, kLastNumber);
      if (first > end) return toResponse(problems::conflict("no more numbers today for this service"));
      json numbers = json::array();
      bool raced = false;
      for (std::int64_t seq = first; seq <= end && !raced; ++seq) {
        // issued_at holds the reservation time until the kiosk reports the real one.
        auto inserted = c.execute(
            "INSERT INTO queue_tickets (day, prefix, seq, service_id, kiosk_id, issued_at, state) "
            "VALUES (?, ?, ?, ?, ?, ?, 'reserved')",
            {day, letter, seq, service, request.caller.id, now});
        if (!inserted) {
          if (inserted.error().kind != store::DbError::Kind::UniqueViolation)
            return storageFailure(inserted.error(), "queue reservation");
          raced = true;
        }
        numbers.push_back(ticketNumber(*prefix, seq));
      }
      if (raced) continue;
      auto audited = appendAudit(c, now, auditBy(request.caller, "queue.numbers_reserved",
                                                 numbers.front().get<std::string>() + "-" + numbers.back().get<std::string>(),
                                                 service));
      if (!audited) return storageFailure(audited.error(), "audit");
      auto committed = tx.commit();
      if (!committed) return storageFailure(committed.error(), "queue reservation commit");
      return jsonResponse(201, json{{"service", service}, {"day", day}, {"numbers", numbers}}.dump());
    }
    return toResponse(problems::storageUnavailable());
  });
}

// The kiosk handed out a reserved number (offline) at `issuedAt`: from now on it waits like
// any other ticket. Reporting the same number again answers the same (the outbox may resend).
ApiResponse issueReserved(ApiEnv& env, const ApiRequest& request, const std::string& number) {
  if (auto p = requireKiosk(request)) return toResponse(*p);
  if (number.size() != 4 || number[0] < 'A' || number[0] > 'Z' ||
      !std::all_of(number.begin() + 1, number.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return toResponse(problems::invalidField("number", "is not a ticket number"));
  json body;
  if (auto p = parseJsonObject(request, body)) return toResponse(*p);
  Fields f(body);
  const auto day = f.token("day", "0123456789-", 10, 10);
  const auto issuedText = f.token("issuedAt", "0123456789-:TZ", 20, 20);
  if (!f.ok()) return toResponse(*f.problem());
  if (!parseIsoDay(day)) return toResponse(problems::invalidField("day", "is not a date"));
  const auto claimed = parseRfc3339(issuedText);
  if (!claimed) return toResponse(problems::invalidField("issuedAt", "is not an RFC 3339 UTC time"));
  const std::string letter(1, number[0]);
  const std::int64_t seq = std::stoll(number.substr(1));
  const auto now = env.now();

  return withConnection(env, "queue issue", [&](store::Connection& c) -> ApiResponse {
    store::Transaction tx(c);
    if (!tx.started()) return storageFailure(tx.started().error(), "queue issue");
    auto row = c.query("SELECT service_id, kiosk_id, state, issued_at FROM queue_tickets WHERE day = ? AND prefix = ? AND seq = ?",
                       {day, letter, seq});
    if (!row) return storageFailure(row.error(), "queue issue");
    if (row->empty()) return toResponse(problems::notFound("no such ticket number that day"));
    const auto& r = row.value()[0];
    const std::string service = r.text(0), kiosk = r.text(1), state = r.text(2);
    if (kiosk != request.caller.id || (state != "reserved" && state != "waiting"))
      return toResponse(problems::conflict("this number was not reserved for this kiosk"));
    std::int64_t issuedAt = r.integer(3);
    if (state == "reserved") {
      // Never before the reservation, never in the future: a kiosk clock may be off.
      issuedAt = std::clamp(*claimed, r.integer(3), std::max(r.integer(3), now));
      auto updated = c.execute("UPDATE queue_tickets SET state = 'waiting', issued_at = ? WHERE day = ? AND prefix = ? AND seq = ?",
                               {issuedAt, day, letter, seq});
      if (!updated) return storageFailure(updated.error(), "queue issue");
      auto audited = appendAudit(c, now, auditBy(request.caller, "queue.reserved_number_issued", number, service));
      if (!audited) return storageFailure(audited.error(), "audit");
    }
    auto ahead = peopleAhead(c, day, letter, seq, issuedAt);
    if (!ahead) return storageFailure(ahead.error(), "queue issue");
    auto committed = tx.commit();
    if (!committed) return storageFailure(committed.error(), "queue issue commit");
    return jsonResponse(200, json{{"number", number},
                                  {"service", service},
                                  {"peopleAhead", ahead.value()},
                                  {"issuedAt", rfc3339(issuedAt)},
                                  {"day", day}}
                                 .dump());
  });
}

}  // namespace

void addQueueRoutes(Router& router, ApiEnv& env) {
  router.add("POST", "/v1/queue-tickets", [&env](const ApiRequest& r, const PathParams&) { return takeTicket(env, r); });
  router.add("POST", "/v1/queue-tickets/reservations",
             [&env](const ApiRequest& r, const PathParams&) { return reserveNumbers(env, r); });
  router.add("POST", "/v1/queue-tickets/{number}/issue",
             [&env](const ApiRequest& r, const PathParams& p) { return issueReserved(env, r, p.at("number")); });
}

}  // namespace onestop::central::api
