// Progress by a typed acceptance number (no identification): only from the notification of
// query_progress, 16 digits at most, a mistyped digit caught by the check digit and said,
// then the same lookup as a scanned receipt. And the owner's full ID number: shown only on
// request, on the Identified screen, never for an e-SSC log-in.
#include <doctest/doctest.h>

#include "core/code_payload.hpp"
#include "core/session.hpp"
#include "session_support.hpp"

using namespace onestop::core;
using onestop::core::test::effect;

namespace {

void typeDigits(Session& s, const std::string& digits) {
  for (char d : digits) s.handle(ev::ProgressKey{d});
}

}  // namespace

TEST_CASE("an acceptance number typed on the keypad looks up its progress, a mistyped one is refused in words") {
  Session s;
  s.handle(ev::LinkChanged{LinkStatus::Online, 0});
  s.handle(ev::StartProgressEntry{});   // not from the home screen
  CHECK(s.state().screen == Screen::Home);
  s.handle(ev::OpenService{"query_progress"});
  s.handle(ev::StartProgressEntry{});
  REQUIRE(s.state().screen == Screen::ProgressEntry);

  const std::string body = "202611240000001";
  const std::string good = body + luhnCheckDigit(body);
  std::string bad = good;
  bad[15] = bad[15] == '9' ? '0' : static_cast<char>(bad[15] + 1);
  typeDigits(s, "2026");
  s.handle(ev::LookUpProgress{});
  CHECK(s.state().progressProblemKey == "progress.entry.too_short");
  s.handle(ev::ProgressKey{'C'});
  typeDigits(s, bad + "12");   // the 17th and 18th digits are not taken
  CHECK(s.state().progressNumber == bad);
  CHECK(s.handle(ev::LookUpProgress{}).empty());
  CHECK(s.state().progressProblemKey == "progress.entry.check_failed");
  s.handle(ev::ProgressKey{'<'});
  CHECK(s.state().progressProblemKey.empty());   // correcting clears the message
  s.handle(ev::ProgressKey{good[15]});
  const auto ask = effect<fx::QueryProgress>(s.handle(ev::LookUpProgress{}));
  REQUIRE(ask);
  CHECK(ask->acceptanceNumber == good);
  CHECK(s.state().screen == Screen::ScanResult);
  CHECK(s.state().progress->phase == ProgressView::Phase::Loading);
  s.handle(ev::Back{});
  CHECK(s.state().screen == Screen::ProgressEntry);   // to correct or type another
}

TEST_CASE("the full ID number is shown only when the owner asks, and masked again on leaving") {
  Session s;
  s.handle(ev::StartIdentify{"query_participation"});
  Identity who;
  who.name = "测试张伟";
  who.idNumber = "110105198503140312";
  s.handle(ev::CardRead{who, ""});
  CHECK_FALSE(s.state().idRevealed);
  s.handle(ev::ToggleRevealId{});
  CHECK(s.state().idRevealed);
  s.handle(ev::ToggleRevealId{});
  CHECK_FALSE(s.state().idRevealed);
  s.handle(ev::ToggleRevealId{});
  s.handle(ev::StartQuery{QueryKind::Applications});   // another screen: masked again
  CHECK_FALSE(s.state().idRevealed);
}
