#pragma once
// What the last frame showed: every tappable widget (id, visible label, rectangle) and
// every visible text. Scenarios tap and expect through it; it is rebuilt each frame.
#include <string>
#include <string_view>
#include <vector>

namespace onestop::ui {

struct WidgetRecord {
  std::string id;      ///< stable id, e.g. "home.group.query" (language independent)
  std::string label;   ///< visible label in the current language
  float x = 0, y = 0, w = 0, h = 0;
  float centreX() const { return x + w / 2; }
  float centreY() const { return y + h / 2; }
};

class FrameLog {
 public:
  void clear() { widgets_.clear(); texts_.clear(); }
  void addWidget(WidgetRecord w) { widgets_.push_back(std::move(w)); }
  void addText(std::string_view t) { texts_.emplace_back(t); }

  /// A widget by id, or else by exact visible label, or else by label containing `key`.
  const WidgetRecord* findWidget(std::string_view key) const;
  /// True when some visible text (or widget label) contains `needle`.
  bool showsText(std::string_view needle) const;

  const std::vector<WidgetRecord>& widgets() const { return widgets_; }
  const std::vector<std::string>& texts() const { return texts_; }

 private:
  std::vector<WidgetRecord> widgets_;
  std::vector<std::string> texts_;
};

}  // namespace onestop::ui
