#pragma once
// The kiosk session: a pure state machine. `handle(event)` returns the effects the shell
// must carry out (speak, print, call the network...). Screens draw from `state()` and
// report intents as events; nothing here touches a device, the network or the clock.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/service_catalogue.hpp"

namespace onestop::core {

enum class Screen {
  Home,            ///< attract/home: hall name, clock, service groups
  ServiceGuide,    ///< list of services (optionally one group), browsable without identifying
  ServiceDetail,   ///< one-time notification for one service
  DisplayCheck,    ///< operator screen: fonts and rare-character names
};

struct SessionState {
  Screen screen = Screen::Home;
  std::string language = "zh-CN";
  bool largeText = false;
  bool voice = false;
  std::optional<ServiceGroup> guideGroup;   ///< group filter of the guide; none = all
  std::string serviceId;                    ///< ServiceDetail: which service
  std::vector<Screen> backStack;            ///< where "back" returns to
};

// ---- events: user intents and outside happenings -------------------------------------
namespace ev {
struct GoHome {};
struct Back {};
struct OpenGuide { std::optional<ServiceGroup> group; };
struct OpenService { std::string id; };
struct OpenDisplayCheck {};
struct SetLanguage { std::string code; };
struct ToggleLargeText {};
struct ToggleVoice {};
struct InactivityTimeout {};
}  // namespace ev

using Event = std::variant<ev::GoHome, ev::Back, ev::OpenGuide, ev::OpenService,
                           ev::OpenDisplayCheck, ev::SetLanguage, ev::ToggleLargeText,
                           ev::ToggleVoice, ev::InactivityTimeout>;

// ---- effects: what the shell must do --------------------------------------------------
namespace fx {
struct LanguageChanged { std::string code; };   ///< reload fonts/voice for the language
struct LayoutChanged {};                        ///< text size changed: rebuild font atlas
struct Speak { std::string key; };              ///< read this i18n key aloud (voice on)
struct SessionEnded {};                         ///< wipe personal data held outside core
}  // namespace fx

using Effect = std::variant<fx::LanguageChanged, fx::LayoutChanged, fx::Speak, fx::SessionEnded>;
using Effects = std::vector<Effect>;

class Session {
 public:
  explicit Session(std::string defaultLanguage = "zh-CN");

  /// Applies one event; returns the effects in the order they must run.
  Effects handle(const Event& event);
  const SessionState& state() const { return state_; }

  /// i18n key of the current screen's main prompt (what voice guidance reads).
  std::string mainPromptKey() const;

 private:
  void navigate(Screen to, Effects& fx);
  Effects reset();

  SessionState state_;
  std::string defaultLanguage_;
};

}  // namespace onestop::core
