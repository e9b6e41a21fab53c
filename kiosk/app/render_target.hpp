#pragma once
// Where frames go: an SDL window (hardware or software renderer), or, headless, an
// offscreen surface drawn by SDL's software renderer, needing no display at all.
#include <SDL.h>

#include <string>

#include "core/result.hpp"

namespace onestop::app {

struct DisplaySettings {
  int width = 1920, height = 1080;
  bool fullscreen = false;
  bool headless = false;
  bool software = false;
};

class RenderTarget {
 public:
  static core::Result<RenderTarget*> create(const DisplaySettings& s);   // caller owns
  ~RenderTarget();
  RenderTarget(const RenderTarget&) = delete;
  RenderTarget& operator=(const RenderTarget&) = delete;

  SDL_Renderer* renderer() const { return renderer_; }
  SDL_Window* window() const { return window_; }
  int width() const { return width_; }
  int height() const { return height_; }
  bool headless() const { return surface_ != nullptr; }
  std::string rendererName() const;

  void present();
  /// Saves what was last presented as a PNG.
  core::Result<bool> screenshot(const std::string& path);

 private:
  RenderTarget() = default;
  SDL_Window* window_ = nullptr;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  int width_ = 0, height_ = 0;
};

}  // namespace onestop::app
