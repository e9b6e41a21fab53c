#include "sync/ticket_stock.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/iso_date.hpp"
#include "sync/api_client.hpp"
#include "sync/outbox.hpp"

namespace onestop::sync {
namespace {

std::string rfc3339(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return core::isoDate(std::chrono::year_month_day{day}) + buf;
}

}  // namespace

TicketStock::TicketStock(Network& network, Outbox* outbox, std::unique_ptr<TicketBook> book,
                         std::vector<std::string> services, int utcOffsetMinutes,
                         std::function<std::chrono::sys_seconds()> now)
    : network_(network),
      outbox_(outbox),
      book_(std::move(book)),
      services_(std::move(services)),
      utcOffsetMinutes_(utcOffsetMinutes),
      now_(std::move(now)) {}

std::string TicketStock::today() const { return core::isoDate(core::localDay(now_(), utcOffsetMinutes_)); }

void TicketStock::topUp() {
  const std::string day = today();
  if (auto forgotten = book_->forgetBefore(day); !forgotten) spdlog::warn("tickets: {}", forgotten.error());
  for (const auto& service : services_) {
    auto left = book_->remaining(day, service);
    if (!left) {
      spdlog::warn("tickets: {}", left.error());
      continue;
    }
    if (left.value() >= kLowWater) continue;
    {
      std::lock_guard lock(mutex_);
      if (!asking_.insert(service).second) continue;   // asked already; the answer is on its way
    }
    network_.submit(api::reserveQueueNumbers(service, kStock - left.value()), [this, service](std::uint64_t, HttpResult r) {
      auto reserved = api::parseQueueReservation(r);
      if (reserved && reserved->service != service)
        reserved = api::ApiFailure{api::ApiFailure::Kind::Malformed, {}, r.status, "", "service: not the one asked for"};
      if (!reserved) {
        spdlog::warn("tickets: no numbers reserved for {}: {} (status {})", service, reserved.error().what, reserved.error().status);
      } else if (auto kept = book_->keep(reserved->day, service, reserved->numbers); !kept) {
        spdlog::error("tickets: numbers reserved for {} not kept: {}", service, kept.error());
      } else {
        spdlog::info("tickets: {} numbers reserved for {} ({}–{})", reserved->numbers.size(), service,
                     reserved->numbers.front(), reserved->numbers.back());
      }
      std::lock_guard lock(mutex_);
      asking_.erase(service);
    });
  }
}

std::optional<OfflineTicket> TicketStock::takeOffline(const std::string& service, std::string& why) {
  if (!outbox_) {
    why = "no outbox to report the number to the server later";
    return std::nullopt;
  }
  const auto now = now_();
  const std::string day = today();
  auto number = book_->take(day, service, now.time_since_epoch().count());
  if (!number) {
    why = number.error();
    return std::nullopt;
  }
  if (!number.value()) {
    why = "no reserved number left for " + service + " on " + day;
    return std::nullopt;
  }
  OfflineTicket ticket{*number.value(), rfc3339(now)};
  // Each report stands alone (it carries its own time), so one refused never holds up another.
  auto queued = outbox_->enqueue("ticket", "ticket-" + day + "-" + ticket.number, api::issueReservedNumber(ticket.number, day, ticket.issuedAt),
                                 now.time_since_epoch().count());
  if (!queued) {
    // The number is spent; without its report the counters would never call it.
    why = "ticket " + ticket.number + " not reported: " + queued.error();
    return std::nullopt;
  }
  return ticket;
}

}  // namespace onestop::sync
