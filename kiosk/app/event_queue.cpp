#include "app/event_queue.hpp"

#include <SDL.h>

namespace onestop::app {

void EventQueue::post(core::Event e) {
  {
    std::lock_guard lock(mutex_);
    events_.push_back(std::move(e));
  }
  cv_.notify_one();
  if (sdlWakeEvent_ != 0) {
    SDL_Event wake{};
    wake.type = sdlWakeEvent_;
    SDL_PushEvent(&wake);   // thread-safe; only wakes the loop, the event itself is drained here
  }
}

std::vector<core::Event> EventQueue::drain() {
  std::lock_guard lock(mutex_);
  std::vector<core::Event> out(std::make_move_iterator(events_.begin()), std::make_move_iterator(events_.end()));
  events_.clear();
  return out;
}

void EventQueue::waitFor(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  cv_.wait_for(lock, timeout, [&] { return !events_.empty(); });
}

}  // namespace onestop::app
