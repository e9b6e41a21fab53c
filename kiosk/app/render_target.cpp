#include "app/render_target.hpp"

#include <vector>

#include "app/png_writer.hpp"

namespace onestop::app {

core::Result<RenderTarget*> RenderTarget::create(const DisplaySettings& s) {
  auto* t = new RenderTarget();
  t->width_ = s.width;
  t->height_ = s.height;
  if (s.headless) {
    t->surface_ = SDL_CreateRGBSurfaceWithFormat(0, s.width, s.height, 32, SDL_PIXELFORMAT_ABGR8888);
    if (t->surface_) t->renderer_ = SDL_CreateSoftwareRenderer(t->surface_);
    if (!t->renderer_) {
      std::string err = SDL_GetError();
      delete t;
      return core::Error{"offscreen software renderer: " + err};
    }
    return t;
  }
  Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
  if (s.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  t->window_ = SDL_CreateWindow("OneStop", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, s.width, s.height, flags);
  if (!t->window_) {
    std::string err = SDL_GetError();
    delete t;
    return core::Error{"cannot open a window: " + err + " (no display? use --headless)"};
  }
  if (!s.software) t->renderer_ = SDL_CreateRenderer(t->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!t->renderer_) t->renderer_ = SDL_CreateRenderer(t->window_, -1, SDL_RENDERER_SOFTWARE);
  if (!t->renderer_) {
    std::string err = SDL_GetError();
    delete t;
    return core::Error{"cannot create a renderer: " + err};
  }
  SDL_GetRendererOutputSize(t->renderer_, &t->width_, &t->height_);
  return t;
}

RenderTarget::~RenderTarget() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
  if (window_) SDL_DestroyWindow(window_);
}

std::string RenderTarget::rendererName() const {
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(renderer_, &info) == 0 && info.name) return info.name;
  return "unknown";
}

void RenderTarget::present() { SDL_RenderPresent(renderer_); }

core::Result<bool> RenderTarget::screenshot(const std::string& path) {
  if (surface_) {
    SDL_LockSurface(surface_);
    auto r = writePng(path, static_cast<const uint8_t*>(surface_->pixels), surface_->w, surface_->h, surface_->pitch);
    SDL_UnlockSurface(surface_);
    return r;
  }
  std::vector<uint8_t> pixels(static_cast<size_t>(width_) * static_cast<size_t>(height_) * 4);
  if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), width_ * 4) != 0)
    return core::Error{std::string("cannot read the frame back: ") + SDL_GetError()};
  return writePng(path, pixels.data(), width_, height_, width_ * 4);
}

}  // namespace onestop::app
