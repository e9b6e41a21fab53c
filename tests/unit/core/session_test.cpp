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
