#pragma once
// The UI thread's inbox. Device and network threads post session events here; posting
// never blocks for long and wakes the UI thread: through SDL's queue when a window is
// open (the loop sleeps in SDL_WaitEventTimeout), through a condition variable headless
// (where SDL has no video driver to wait on and would poll every millisecond).
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

#include "core/session.hpp"

namespace onestop::app {

class EventQueue {
 public:
  /// sdlWakeEvent: an SDL user event type to push on post (0 = none, headless).
  explicit EventQueue(unsigned sdlWakeEvent = 0) : sdlWakeEvent_(sdlWakeEvent) {}

  /// Thread-safe.
  void post(core::Event e);
  /// UI thread: takes everything posted so far.
  std::vector<core::Event> drain();
  /// Headless wait: returns when something is posted or the timeout passes.
  void waitFor(std::chrono::milliseconds timeout);

 private:
  unsigned sdlWakeEvent_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<core::Event> events_;
};

}  // namespace onestop::app
