// Queue tickets while the central server cannot be reached: the ticket book on disk never
// hands out a number twice (not even across a restart), the stock reserves numbers from the
// real server while online, and a number handed out offline reaches the server's queue
// through the outbox.
#include <doctest/doctest.h>

#include "api/central_api.hpp"
#include "sync/api_client.hpp"
#include "sync/outbox.hpp"
#include "sync/relay.hpp"
#include "sync/ticket_book.hpp"
#include "sync/ticket_stock.hpp"
#include "sync_support.hpp"

using namespace synctest;
using onestop::central::test::Backend;
using onestop::central::test::TestCentral;

namespace {

std::chrono::sys_seconds wallNow() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

HttpResult answer(long status, const std::string& body) {
  HttpResult r;
  r.status = status;
  r.body = body;
  return r;
}

}  // namespace

TEST_CASE("ticket book: numbers in order, each once, across a restart, past days forgotten") {
  TempDir dir("tickets");
  const auto path = dir / "tickets.db";
  {
    auto book = TicketBook::open(path);
    REQUIRE_MESSAGE(book, book.error());
    REQUIRE(book.value()->keep("2026-11-23", "retirement_claim", {"A004", "A005", "A006"}));
    REQUIRE(book.value()->keep("2026-11-22", "retirement_claim", {"A001"}));
    CHECK(book.value()->remaining("2026-11-23", "retirement_claim").value() == 3);
    CHECK(book.value()->remaining("2026-11-23", "unemployment_claim").value() == 0);
    CHECK(book.value()->take("2026-11-23", "retirement_claim", 100).value() == std::optional<std::string>("A004"));
    // Kept again (a repeated answer): the used number stays used.
    REQUIRE(book.value()->keep("2026-11-23", "retirement_claim", {"A004", "A005"}));
  }
  auto book = TicketBook::open(path);
  REQUIRE(book);
  CHECK(book.value()->take("2026-11-23", "retirement_claim", 101).value() == std::optional<std::string>("A005"));
  CHECK(book.value()->take("2026-11-23", "retirement_claim", 102).value() == std::optional<std::string>("A006"));
  CHECK_FALSE(book.value()->take("2026-11-23", "retirement_claim", 103).value().has_value());
  CHECK(book.value()->take("2026-11-23", "unemployment_claim", 103).value() == std::nullopt);
  REQUIRE(book.value()->forgetBefore("2026-11-23"));
  CHECK(book.value()->remaining("2026-11-22", "retirement_claim").value() == 0);
}

TEST_CASE("a reservation answer is read strictly") {
  const auto parse = [&](long status, const std::string& body) { return api::parseQueueReservation(answer(status, body)); };
  auto good = parse(201, R"({"service":"retirement_claim","day":"2026-11-23","numbers":["A002","A003"]})");
  REQUIRE(good);
  CHECK(good->numbers == std::vector<std::string>{"A002", "A003"});
  CHECK(good->service == "retirement_claim");
  CHECK(parse(200, R"({"service":"retirement_claim","day":"2026-11-23","numbers":["A002"]})").error().kind ==
        api::ApiFailure::Kind::Malformed);
  CHECK(parse(409, R"({"code":"conflict"})").error().code == "conflict");
  CHECK_FALSE(parse(201, R"({"service":"Retirement","day":"2026-11-23","numbers":["C002"]})"));
  CHECK_FALSE(parse(201, R"({"service":"retirement_claim","day":"2026-13-23","numbers":["A002"]})"));
  CHECK_FALSE(parse(201, R"({"service":"retirement_claim","day":"2026-11-23","numbers":[]})"));
  CHECK(parse(201, R"({"service":"retirement_claim","day":"2026-11-23","numbers":["A003","A002"]})").error().what ==
        "numbers[1]: out of order");
  CHECK_FALSE(parse(201, R"({"service":"retirement_claim","day":"2026-11-23","numbers":["A002","B003"]})"));
  CHECK_FALSE(parse(201, R"({"service":"retirement_claim","day":"2026-11-23","numbers":["A02"]})"));
  CHECK_FALSE(parse(201, R"({"service":"retirement_claim","day":"2026-11-23","numbers":[2]})"));
  CHECK_FALSE(parse(201, "not json"));
}

TEST_CASE("offline queue numbers: reserved while online, handed out offline, waiting once reported") {
  TestCentral central(Backend::Sqlite);
  TempDir dir("stock");
  auto box = Outbox::open(dir / "outbox.db", dir / "outbox.key");
  REQUIRE(box);
  auto book = TicketBook::open(dir / "tickets.db");
  REQUIRE(book);
  Network net(trustFor(central.port()));
  const std::vector<std::string> counters = {"retirement_claim", "transfer_relationship"};
  TicketStock stock(net, box.value().get(), std::move(book.value()), counters, 480, wallNow);

  // Someone took A001 at another kiosk first.
  REQUIRE(central.post("/v1/queue-tickets", R"({"service":"retirement_claim"})", {}, "kiosks/KIOSK-DEMO-02").status == 201);
  stock.topUp();
  REQUIRE(eventually([&] { return central.count("SELECT COUNT(*) FROM queue_tickets WHERE state = 'reserved'") ==
                                  2 * TicketStock::kStock; }, 30));
  stock.topUp();   // full: asks for nothing more
  CHECK(central.count("SELECT COUNT(*) FROM queue_tickets WHERE state = 'reserved'") == 2 * TicketStock::kStock);

  // The server goes away; the kiosk hands out the first reserved number and keeps its report.
  central.stopServer();
  std::string why;
  std::optional<OfflineTicket> ticket;
  // The answers are kept on the network thread: wait until the book has them.
  REQUIRE(eventually([&] { return (ticket = stock.takeOffline("retirement_claim", why)).has_value(); }, 30));
  CHECK(ticket->number == "A002");
  CHECK(ticket->issuedAt.size() == 20);
  auto second = stock.takeOffline("retirement_claim", why);
  REQUIRE(second);
  CHECK(second->number == "A003");
  CHECK(box.value()->counts().value().pending == 2);

  // Back online: the relay reports both; they wait in the queue, after A001.
  central.restart();
  RelayEvents events;
  std::atomic<int> delivered{0};
  events.delivered = [&](const OutboxItem&, const HttpResult&) { ++delivered; };
  Relay relay(net, *box.value(), events, [] { return onestop::central::api::systemNow(); });
  relay.kick();
  REQUIRE(eventually([&] { return delivered.load() == 2; }, 60));
  relay.stop();
  CHECK(central.count("SELECT COUNT(*) FROM queue_tickets WHERE state = 'waiting' AND prefix = 'A'") == 3);
  CHECK(box.value()->counts().value().pending == 0);
  const auto next = central.post("/v1/queue-tickets", R"({"service":"retirement_claim"})", {}, "kiosks/KIOSK-DEMO-02");
  CHECK(next.json()["number"] == "A012");   // after this kiosk's ten reserved numbers
  CHECK(next.json()["peopleAhead"] == 3);
}
