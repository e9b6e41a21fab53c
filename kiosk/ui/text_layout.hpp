#pragma once
// Line breaking for mixed Chinese/Latin text. Dear ImGui 1.86 only breaks at spaces, so a
// Chinese sentence would overflow; here every CJK character is a break opportunity, Latin
// words stay whole, and closing punctuation never starts a line (basic kinsoku rules).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::ui {

/// Width of a piece of text in pixels (injected so the rules can be tested without fonts).
using MeasureFn = std::function<float(std::string_view)>;

std::vector<std::string> wrapText(std::string_view text, float maxWidth, const MeasureFn& measure);

}  // namespace onestop::ui
