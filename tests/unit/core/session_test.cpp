#include <doctest/doctest.h>

#include "core/session.hpp"

using namespace onestop::core;

namespace {
template <class T> bool has(const Effects& fx) {
  for (const auto& e : fx)
    if (std::holds_alternative<T>(e)) return true;
  return false;
}
}  // namespace

TEST_CASE("session starts on the home screen in the default language") {
  Session s("zh-CN");
  CHECK(s.state().screen == Screen::Home);
  CHECK(s.state().language == "zh-CN");
  CHECK_FALSE(s.state().largeText);
}

TEST_CASE("service guide and detail are reachable without identifying, back returns") {
  Session s;
  s.handle(ev::OpenGuide{ServiceGroup::Filing});
  CHECK(s.state().screen == Screen::ServiceGuide);
  REQUIRE(s.state().guideGroup.has_value());
  CHECK(*s.state().guideGroup == ServiceGroup::Filing);
  s.handle(ev::OpenService{"change_phone"});
  CHECK(s.state().screen == Screen::ServiceDetail);
  CHECK(s.state().serviceId == "change_phone");
  s.handle(ev::Back{});
  CHECK(s.state().screen == Screen::ServiceGuide);
  s.handle(ev::Back{});
  CHECK(s.state().screen == Screen::Home);
}

TEST_CASE("an unknown service id does not navigate") {
  Session s;
  s.handle(ev::OpenService{"no_such_service"});
  CHECK(s.state().screen == Screen::Home);
}

TEST_CASE("language and large text produce effects for the shell") {
  Session s;
  auto fx = s.handle(ev::SetLanguage{"en"});
  CHECK(has<fx::LanguageChanged>(fx));
  CHECK(s.state().language == "en");
  CHECK(s.handle(ev::SetLanguage{"en"}).empty());
  fx = s.handle(ev::ToggleLargeText{});
  CHECK(has<fx::LayoutChanged>(fx));
  CHECK(s.state().largeText);
}

TEST_CASE("voice guidance speaks each screen's main prompt only when switched on") {
  Session s;
  CHECK_FALSE(has<fx::Speak>(s.handle(ev::OpenGuide{})));
  auto fx = s.handle(ev::ToggleVoice{});
  REQUIRE(has<fx::Speak>(fx));
  CHECK(std::get<fx::Speak>(fx[0]).key == "guide.prompt");
  fx = s.handle(ev::GoHome{});
  REQUIRE(has<fx::Speak>(fx));
  CHECK(std::get<fx::Speak>(fx[0]).key == "home.prompt");
}

TEST_CASE("inactivity ends the session and restores the defaults for the next citizen") {
  Session s("zh-CN");
  s.handle(ev::SetLanguage{"zh-TW"});
  s.handle(ev::ToggleLargeText{});
  s.handle(ev::OpenGuide{});
  auto fx = s.handle(ev::InactivityTimeout{});
  CHECK(has<fx::SessionEnded>(fx));
  CHECK(has<fx::LanguageChanged>(fx));
  CHECK(has<fx::LayoutChanged>(fx));
  CHECK(s.state().screen == Screen::Home);
  CHECK(s.state().language == "zh-CN");
  CHECK_FALSE(s.state().largeText);
  CHECK(s.state().backStack.empty());
}

namespace {
Identity demoIdentity() {
  Identity id;
  id.name = "测试王𠈌";
  id.idNumber = "11010519491231002X";
  id.address = "测试路1号";
  return id;
}
}  // namespace

TEST_CASE("a service that needs identity asks for the card, a good read identifies") {
  Session s;
  s.handle(ev::ReaderChanged{true});
  s.handle(ev::OpenService{"change_phone"});
  s.handle(ev::StartIdentify{"change_phone"});
  CHECK(s.state().screen == Screen::Identify);
  CHECK(s.state().reader == ReaderState::Ready);
  s.handle(ev::CardRead{std::nullopt, "identity_check.expired"});
  CHECK(s.state().screen == Screen::Identify);   // told why, may try another card
  CHECK(s.state().cardProblemKey == "identity_check.expired");
  CHECK_FALSE(s.holdsPersonalData());
  s.handle(ev::CardRead{demoIdentity(), ""});
  CHECK(s.state().screen == Screen::Identified);
  REQUIRE(s.state().citizen.has_value());
  CHECK(s.state().citizen->name == "测试王𠈌");
  CHECK(s.state().cardProblemKey.empty());
  CHECK(s.state().serviceId == "change_phone");
}

TEST_CASE("finishing, going home, back or inactivity wipe the citizen from the state") {
  for (int how = 0; how < 4; ++how) {
    Session s;
    s.handle(ev::CardRead{demoIdentity(), ""});
    REQUIRE(s.holdsPersonalData());
    Effects fx;
    if (how == 0) fx = s.handle(ev::Finish{});
    if (how == 1) fx = s.handle(ev::GoHome{});
    if (how == 2) fx = s.handle(ev::Back{});
    if (how == 3) fx = s.handle(ev::InactivityTimeout{});
    CAPTURE(how);
    CHECK_FALSE(s.holdsPersonalData());
    CHECK(has<fx::SessionEnded>(fx));
    CHECK(s.state().screen == Screen::Home);
    CHECK(s.state().serviceId.empty());
  }
}

TEST_CASE("the reader's state survives the end of a session, cards are ignored on other screens") {
  Session s;
  s.handle(ev::ReaderChanged{false});
  s.handle(ev::Finish{});
  CHECK(s.state().reader == ReaderState::Unavailable);
  s.handle(ev::OpenDisplayCheck{});
  s.handle(ev::CardRead{demoIdentity(), ""});
  CHECK_FALSE(s.holdsPersonalData());
  CHECK(s.state().screen == Screen::DisplayCheck);
}

TEST_CASE("a refused card on the home screen opens the identify screen with the reason") {
  Session s;
  s.handle(ev::CardRead{std::nullopt, "card_read.unreadable"});
  CHECK(s.state().screen == Screen::Identify);
  CHECK(s.state().cardProblemKey == "card_read.unreadable");
}
