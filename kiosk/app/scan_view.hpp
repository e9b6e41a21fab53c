#pragma once
// The UI thread's side of the camera scanner: turns scanning on while the screen asks for
// it, brings the newest preview into a renderer texture (never waiting on the camera: the
// scanner hands over a preview only when it is not busy writing one), and picks the hint
// to show when nothing was found for a while.
#include <SDL.h>

#include <chrono>
#include <cstdint>

#include "app/devices.hpp"
#include "core/session.hpp"
#include "ui/context.hpp"

namespace onestop::app {

class ScanView {
 public:
  using Clock = std::chrono::steady_clock;
  /// After this long with nothing found, the screen shows a hint.
  static constexpr auto kHintAfter = std::chrono::seconds(8);

  ScanView() = default;
  ~ScanView();
  ScanView(const ScanView&) = delete;
  ScanView& operator=(const ScanView&) = delete;

  /// Once per loop turn on the UI thread, before drawing.
  void update(Devices& devices, const core::Session& session, ui::Environment& env, SDL_Renderer* renderer,
              Clock::time_point now);

 private:
  SDL_Texture* texture_ = nullptr;
  int width_ = 0, height_ = 0;
  std::uint64_t shown_ = 0;   // sequence of the preview in the texture
  bool scanning_ = false;
  Clock::time_point since_;
};

}  // namespace onestop::app
