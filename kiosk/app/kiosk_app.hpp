#pragma once
// Wires the kiosk together: config, catalogs, fonts, the SDL shell, the session and the
// scenario runner, and runs the event-driven loop. The loop sleeps in SDL_WaitEventTimeout
// and draws only for input, queued events, timers and animations.
#include <memory>

#include "app/config.hpp"
#include "app/options.hpp"

namespace onestop::app {

/// Runs the kiosk; returns the process exit code (0 ok / scenario passed, 1 scenario
/// failed, 2 bad configuration or environment).
int runKiosk(const Options& options);

}  // namespace onestop::app
