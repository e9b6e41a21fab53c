#pragma once
// Feeds Dear ImGui from SDL events: mouse, touch and text. Dear ImGui 1.86's SDL backend
// polls the mouse and ignores finger events, so touches would be lost; here a finger is
// the mouse, and a press is held for at least one frame so a quick tap still clicks.
// Real events and scenario-injected events take exactly this path.
#include <SDL.h>

#include <string>

namespace onestop::app {

class InputAdapter {
 public:
  /// Handles one event. Returns true when it was input (the UI must redraw).
  bool handle(const SDL_Event& e, int windowWidth, int windowHeight);
  /// Call right before ImGui::NewFrame().
  void applyToImGui();
  /// Call after a frame: releases a deferred press, hides the finger once lifted.
  void afterFrame();
  /// True while input state still has to reach ImGui over the coming frames.
  bool pending() const { return releaseDeferred_ || pressedThisFrame_ || hideAfterRelease_ || !text_.empty(); }

 private:
  float x_ = -1e9f, y_ = -1e9f;
  bool down_ = false;
  bool pressedThisFrame_ = false;
  bool releaseDeferred_ = false;
  bool hideAfterRelease_ = false;   // touch: no hover highlight once the finger is gone
  std::string text_;
};

}  // namespace onestop::app
