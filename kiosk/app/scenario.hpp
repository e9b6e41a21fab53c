#pragma once
// Scenarios: plain-text scripts that drive the kiosk the way a citizen would (docs/
// scenarios.md). The parser checks every line up front, so a typo fails before anything
// runs; the runner turns steps into input for the shell and checks what the screen shows.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "ui/frame_log.hpp"

namespace onestop::app {

struct Step {
  int line = 0;
  std::string verb;
  std::vector<std::string> args;
  std::string text() const;   ///< the step as written, for messages
};

/// Extra verbs (device steps such as "card present worker"): verb → minimum argument count.
using ExtraVerbs = std::map<std::string, int>;

core::Result<std::vector<Step>> parseScenario(std::string_view text, std::string_view name,
                                              const ExtraVerbs& extra = {});

// What the runner asks the shell to do next.
namespace act {
struct None {};                                  ///< nothing this time; call again later
struct TapAt { float x, y; };                    ///< a finger press at window pixels
struct TypeText { std::string text; };
struct Screenshot { std::string path; };
struct Device { Step step; };                    ///< an extra verb for the shell's devices
struct Finished {};                              ///< every step held
struct Failed { std::string message; };          ///< a step failed (message names it)
}  // namespace act
using Action = std::variant<act::None, act::TapAt, act::TypeText, act::Screenshot, act::Device, act::Finished,
                            act::Failed>;

class ScenarioRunner {
 public:
  using Clock = std::chrono::steady_clock;
  ScenarioRunner(std::vector<Step> steps, std::string screenshotDir)
      : steps_(std::move(steps)), screenshotDir_(std::move(screenshotDir)) {}

  /// Called when the UI has settled (frame drawn, no input pending). `log` is what the
  /// last frame showed.
  Action advance(const ui::FrameLog& log, Clock::time_point now);

  /// When a wait step is pending, the time it next wants to look (for the event loop).
  std::optional<Clock::time_point> wakeAt() const { return wakeAt_; }
  const std::string& screenshotDir() const { return screenshotDir_; }
  size_t stepsDone() const { return next_; }

 private:
  std::vector<Step> steps_;
  std::string screenshotDir_;
  size_t next_ = 0;
  std::optional<Clock::time_point> deadline_;      // of the current wait step
  std::optional<Clock::time_point> sleepUntil_;
  std::optional<Clock::time_point> wakeAt_;
};

}  // namespace onestop::app
