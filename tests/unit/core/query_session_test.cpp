// Queries of one's own records in the session: only an identified citizen, only the query
// of the service chosen (or "my applications"), one request per question (a late answer to
// an older one changes nothing), offline says so at once, and the rows leave with the
// citizen — on Back and at the end of the session.
#include <doctest/doctest.h>

#include "core/money.hpp"
#include "core/session.hpp"
#include "session_support.hpp"

using namespace onestop::core;
using onestop::core::test::effect;

namespace {

Session identifiedFor(const std::string& service, LinkStatus link = LinkStatus::Online) {
  Session s = test::identified(service, link);
  REQUIRE(s.state().screen == Screen::Identified);
  return s;
}

QueryAnswer yearOf(int year) {
  QueryAnswer a;
  a.contributions = ContributionYear{};
  a.contributions->year = year;
  a.contributions->years = {2024, 2025, 2026};
  a.contributions->rows.push_back({"2025-03", "pension", "arrears", 980000, 156800, 78400});
  a.contributions->arrearsMonths = 1;
  return a;
}

}  // namespace

TEST_CASE("a query runs for the identified citizen of its service, and its answer is shown") {
  Session s = identifiedFor("query_contributions");
  CHECK(s.handle(ev::StartQuery{QueryKind::Benefits}).empty());   // not the service chosen
  CHECK(s.state().screen == Screen::Identified);
  auto fx = s.handle(ev::StartQuery{QueryKind::Contributions});
  auto run = effect<fx::RunQuery>(fx);
  REQUIRE(run);
  CHECK(run->kind == QueryKind::Contributions);
  CHECK_FALSE(run->year.has_value());
  CHECK(s.state().screen == Screen::Query);
  CHECK(s.state().query->phase == QueryFlow::Phase::Loading);
  s.handle(ev::QueryLoaded{run->request, yearOf(2026)});
  REQUIRE(s.state().query->phase == QueryFlow::Phase::Shown);
  CHECK(s.state().query->year == 2026);
  CHECK(s.state().query->answer.contributions->rows.at(0).status == "arrears");

  // Another year: a new request; the answer to the old one (arriving late) is ignored.
  fx = s.handle(ev::QueryYear{2025});
  auto again = effect<fx::RunQuery>(fx);
  REQUIRE(again);
  CHECK(again->request != run->request);
  CHECK(again->year == 2025);
  s.handle(ev::QueryLoaded{run->request, yearOf(2026)});
  CHECK(s.state().query->phase == QueryFlow::Phase::Loading);
  CHECK(s.handle(ev::QueryYear{2024}).empty());   // one question at a time
  s.handle(ev::QueryFailed{again->request, "query.problem.server"});
  CHECK(s.state().query->phase == QueryFlow::Phase::Failed);
  CHECK(s.mainPromptKey() == "query.problem.server");
}

TEST_CASE("my applications are offered to any identified citizen, never before identifying") {
  Session anonymous;
  CHECK(anonymous.handle(ev::StartQuery{QueryKind::Applications}).empty());
  CHECK_FALSE(anonymous.state().query.has_value());
  Session s = identifiedFor("cert_participation");
  auto run = effect<fx::RunQuery>(s.handle(ev::StartQuery{QueryKind::Applications}));
  REQUIRE(run);
  CHECK(run->kind == QueryKind::Applications);
}

TEST_CASE("offline, a query says at once that records cannot be looked up") {
  Session s = identifiedFor("query_participation", LinkStatus::Offline);
  auto fx = s.handle(ev::StartQuery{QueryKind::Participation});
  CHECK_FALSE(effect<fx::RunQuery>(fx).has_value());
  CHECK(s.state().screen == Screen::Query);
  CHECK(s.state().query->phase == QueryFlow::Phase::Failed);
  CHECK(s.state().query->problemKey == "query.problem.offline");
}

TEST_CASE("the rows leave with Back and with the session") {
  Session s = identifiedFor("query_contributions");
  auto run = effect<fx::RunQuery>(s.handle(ev::StartQuery{QueryKind::Contributions}));
  REQUIRE(run);
  s.handle(ev::QueryLoaded{run->request, yearOf(2026)});
  CHECK(s.holdsPersonalData());
  s.handle(ev::Back{});
  CHECK(s.state().screen == Screen::Identified);
  CHECK_FALSE(s.state().query.has_value());

  run = effect<fx::RunQuery>(s.handle(ev::StartQuery{QueryKind::Contributions}));
  REQUIRE(run);
  const auto request = run->request;
  s.handle(ev::QueryLoaded{request, yearOf(2026)});
  s.handle(ev::Finish{});
  CHECK_FALSE(s.state().query.has_value());
  CHECK(s.state().screen == Screen::Home);
  s.handle(ev::QueryLoaded{request, yearOf(2026)});   // an answer after the citizen left
  CHECK_FALSE(s.state().query.has_value());
}

TEST_CASE("amounts in fen read as yuan with thousands separators") {
  CHECK(formatFen(0) == "0.00");
  CHECK(formatFen(5) == "0.05");
  CHECK(formatFen(8642055) == "86,420.55");
  CHECK(formatFen(100000000) == "1,000,000.00");
  CHECK(formatFen(-123456) == "-1,234.56");
}
