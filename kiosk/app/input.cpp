#include "app/input.hpp"

#include <imgui.h>

namespace onestop::app {

bool InputAdapter::handle(const SDL_Event& e, int w, int h) {
  switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      x_ = e.tfinger.x * static_cast<float>(w);
      y_ = e.tfinger.y * static_cast<float>(h);
      if (e.type == SDL_FINGERDOWN) { down_ = true; pressedThisFrame_ = true; hideAfterRelease_ = false; }
      if (e.type == SDL_FINGERUP) {
        if (pressedThisFrame_) releaseDeferred_ = true;   // ImGui must see the press first
        else down_ = false;
        hideAfterRelease_ = true;
      }
      return true;
    }
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID) return false;   // already seen as a finger
      x_ = static_cast<float>(e.motion.x);
      y_ = static_cast<float>(e.motion.y);
      return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return false;
      x_ = static_cast<float>(e.button.x);
      y_ = static_cast<float>(e.button.y);
      if (e.type == SDL_MOUSEBUTTONDOWN) { down_ = true; pressedThisFrame_ = true; }
      else if (pressedThisFrame_) releaseDeferred_ = true;
      else down_ = false;
      return true;
    case SDL_TEXTINPUT:
      text_ += e.text.text;
      return true;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_LEAVE) { x_ = y_ = -1e9f; }
      return true;
    default:
      return false;
  }
}

void InputAdapter::applyToImGui() {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(x_, y_);
  io.MouseDown[0] = down_;
  if (!text_.empty()) {
    io.AddInputCharactersUTF8(text_.c_str());
    text_.clear();
  }
}

void InputAdapter::afterFrame() {
  pressedThisFrame_ = false;
  if (releaseDeferred_) {
    releaseDeferred_ = false;
    down_ = false;
    return;   // the release is seen next frame; hide the pointer the frame after
  }
  if (hideAfterRelease_ && !down_) {
    hideAfterRelease_ = false;
    x_ = y_ = -1e9f;
  }
}

}  // namespace onestop::app
