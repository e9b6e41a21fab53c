#pragma once
// Queue tickets when the central server cannot be reached. While online the stock keeps a
// few reserved numbers per counter service in the TicketBook (topping up below kLowWater);
// offline, takeOffline() hands out the next one and puts its report to the server
// (POST /v1/queue-tickets/{number}/issue) in the outbox, both committed before the ticket
// prints. The server then seats it in the queue by the time it was handed out.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "sync/network.hpp"
#include "sync/ticket_book.hpp"

namespace onestop::sync {

class Outbox;

struct OfflineTicket {
  std::string number;     ///< "B014"
  std::string issuedAt;   ///< RFC 3339 UTC, as the server would have written it
};

class TicketStock {
 public:
  static constexpr int kStock = 10;      ///< reserved numbers held per service…
  static constexpr int kLowWater = 5;    ///< …topped up when fewer are left

  /// `services`: the counter services; `utcOffsetMinutes`: the hall's calendar (numbers
  /// restart every local day).
  TicketStock(Network& network, Outbox* outbox, std::unique_ptr<TicketBook> book, std::vector<std::string> services,
              int utcOffsetMinutes, std::function<std::chrono::sys_seconds()> now);

  /// Asks for numbers where the stock runs low (answers arrive on the network thread) and
  /// forgets past days. Cheap when the stock is full: call it whenever the link is online.
  void topUp();
  /// The next reserved number, with its report queued; nullopt when none is left (or it
  /// could not be kept — `why` says so for the log).
  std::optional<OfflineTicket> takeOffline(const std::string& service, std::string& why);

 private:
  std::string today() const;

  Network& network_;
  Outbox* outbox_;
  std::unique_ptr<TicketBook> book_;
  std::vector<std::string> services_;
  int utcOffsetMinutes_;
  std::function<std::chrono::sys_seconds()> now_;
  std::mutex mutex_;
  std::set<std::string> asking_;   // services with a reservation under way; guarded by mutex_
};

}  // namespace onestop::sync
