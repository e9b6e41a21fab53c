#include "app/scan_view.hpp"

#include "core/i18n_key.hpp"

namespace onestop::app {

ScanView::~ScanView() {
  if (texture_) SDL_DestroyTexture(texture_);
}

void ScanView::update(Devices& devices, const core::Session& session, ui::Environment& env, SDL_Renderer* renderer,
                      Clock::time_point now) {
  const bool wanted = session.wantsScanning();
  if (wanted != scanning_) {
    scanning_ = wanted;
    devices.setScanning(wanted);
    since_ = now;
    shown_ = 0;
    env.scanPreview = nullptr;   // no stale picture from the last time
    env.scanHintKey.clear();
  }
  if (!scanning_) return;

  if (auto preview = devices.scanPreview(shown_)) {
    if (!texture_ || preview->width != width_ || preview->height != height_) {
      if (texture_) SDL_DestroyTexture(texture_);
      texture_ = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB24, SDL_TEXTUREACCESS_STREAMING, preview->width,
                                   preview->height);
      width_ = preview->width;
      height_ = preview->height;
    }
    if (texture_ && SDL_UpdateTexture(texture_, nullptr, preview->rgb.data(), preview->width * 3) == 0) {
      shown_ = preview->sequence;
      env.scanPreview = texture_;
      env.scanPreviewWidth = width_;
      env.scanPreviewHeight = height_;
    }
  }
  // A found code leaves this screen, so still being here means nothing was found.
  if (now - since_ >= kHintAfter) {
    const double brightness = devices.scanBrightness();
    env.scanHintKey = std::string(brightness >= 0 && brightness < 45    ? "scan.hint_dark"_k
                                  : brightness > 215                    ? "scan.hint_bright"_k
                                                                        : "scan.hint_distance"_k);
  }
}

}  // namespace onestop::app
