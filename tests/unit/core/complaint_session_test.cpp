// Complaints and suggestions: from the home screen, complaint or suggestion, typed text
// bounded and edited by the keyboard's results, sent once, and the text wiped once it is in
// the outbox or the citizen leaves.
#include <doctest/doctest.h>

#include "core/session.hpp"
#include "session_support.hpp"

using namespace onestop::core;
using onestop::core::test::effect;

namespace {

Session typing(const std::string& kind) {
  Session s;
  s.handle(ev::OpenComplaint{});
  REQUIRE(s.state().screen == Screen::Complaint);
  s.handle(ev::ComplaintKind{kind});
  REQUIRE(s.state().complaint->phase == ComplaintFlow::Phase::Typing);
  return s;
}

}  // namespace

TEST_CASE("a suggestion is typed, sent once and its text leaves the kiosk's memory") {
  Session s;
  s.handle(ev::OpenComplaint{});
  CHECK(s.handle(ev::ComplaintKind{"praise"}).empty());   // only complaint or suggestion
  CHECK(s.state().complaint->phase == ComplaintFlow::Phase::Choosing);
  s.handle(ev::ComplaintKind{"suggestion"});
  CHECK(s.handle(ev::SendComplaint{}).empty());   // nothing typed yet
  s.handle(ev::TypedText{"字再大"});
  s.handle(ev::TypedText{"一点", 1});   // the keyboard took one character back first
  CHECK(s.state().complaint->text == "字再一点");
  const auto submit = effect<fx::SubmitComplaint>(s.handle(ev::SendComplaint{}));
  REQUIRE(submit);
  CHECK(submit->category == "suggestion");
  CHECK(submit->text == "字再一点");
  CHECK(s.state().complaint->text.empty());   // sealed in the outbox now, not kept here
  CHECK(s.handle(ev::SendComplaint{}).empty());   // once
  s.handle(ev::ComplaintKept{submit->request + 1, true, false, ""});   // not ours
  CHECK(s.state().complaint->phase == ComplaintFlow::Phase::Submitting);
  s.handle(ev::ComplaintKept{submit->request, true, true, ""});
  CHECK(s.state().complaint->phase == ComplaintFlow::Phase::Kept);
  CHECK(s.state().complaint->offline);
  s.handle(ev::Finish{});
  CHECK_FALSE(s.state().complaint.has_value());
}

TEST_CASE("the text is bounded, control characters are dropped, and Back clears it") {
  Session s = typing("complaint");
  s.handle(ev::TypedText{std::string(300, 'a')});
  CHECK(s.state().complaint->chars() == ComplaintFlow::kMaxChars);
  s.handle(ev::TypedText{"", 1000});
  CHECK(s.state().complaint->text.empty());
  s.handle(ev::TypedText{"打\x07印机\n卡纸"});
  CHECK(s.state().complaint->text == "打印机卡纸");
  CHECK(s.holdsPersonalData());
  s.handle(ev::Back{});   // back to "complaint or suggestion?", the text gone
  CHECK(s.state().complaint->phase == ComplaintFlow::Phase::Choosing);
  CHECK(s.state().complaint->text.empty());
  s.handle(ev::Back{});
  CHECK_FALSE(s.state().complaint.has_value());
  CHECK(s.state().screen == Screen::Home);
}
