#pragma once
// Queue numbers this kiosk may hand out while it cannot reach the central server. While
// online the kiosk reserves a few numbers per counter service (POST
// /v1/queue-tickets/reservations) and keeps them here; offline, take() hands out the next
// one and it is on disk before the ticket prints, so a restart never prints a number twice.
// Each number handed out is reported later through the outbox (POST …/{number}/issue).
// SQLite, WAL, synchronous=FULL. No personal data: numbers, services, days, times.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

struct sqlite3;

namespace onestop::sync {

class TicketBook {
 public:
  /// Opens (creating) the book at `path`.
  static core::Result<std::unique_ptr<TicketBook>> open(const std::string& path);
  ~TicketBook();
  TicketBook(const TicketBook&) = delete;
  TicketBook& operator=(const TicketBook&) = delete;

  /// Keeps numbers the server reserved for `service` on `day` ("2026-11-23"), in order.
  /// A number already held is left as it is.
  core::Result<bool> keep(const std::string& day, const std::string& service, const std::vector<std::string>& numbers);
  /// Hands out the lowest unused number of `service` for `day`, marked used (with `issuedAt`,
  /// epoch seconds) and committed before it returns; none left → std::nullopt.
  core::Result<std::optional<std::string>> take(const std::string& day, const std::string& service, std::int64_t issuedAt);
  /// Unused numbers of `service` for `day`.
  core::Result<int> remaining(const std::string& day, const std::string& service);
  /// Drops every number of days before `day` (they can no longer be called).
  core::Result<bool> forgetBefore(const std::string& day);

 private:
  TicketBook() = default;
  sqlite3* db_ = nullptr;
};

}  // namespace onestop::sync
