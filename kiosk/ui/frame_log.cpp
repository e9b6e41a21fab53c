#include "ui/frame_log.hpp"

namespace onestop::ui {

const WidgetRecord* FrameLog::findWidget(std::string_view key) const {
  for (const auto& w : widgets_)
    if (w.id == key) return &w;
  for (const auto& w : widgets_)
    if (w.label == key) return &w;
  for (const auto& w : widgets_)
    if (w.label.find(key) != std::string::npos) return &w;
  return nullptr;
}

bool FrameLog::showsText(std::string_view needle) const {
  for (const auto& t : texts_)
    if (t.find(needle) != std::string::npos) return true;
  for (const auto& w : widgets_)
    if (w.label.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace onestop::ui
