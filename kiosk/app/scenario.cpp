#include "app/scenario.hpp"

#include <set>

namespace onestop::app {
namespace {

// Built-in verbs and their argument counts (min, max).
const std::map<std::string, std::pair<int, int>>& builtins() {
  static const std::map<std::string, std::pair<int, int>> v = {
      {"tap", {1, 1}},        {"type", {1, 1}},       {"wait", {1, 2}},  {"wait-not", {1, 2}},  {"expect", {1, 1}},
      {"expect-not", {1, 1}}, {"screenshot", {1, 1}}, {"sleep", {1, 1}},
  };
  return v;
}

// Splits a line into words; "double quotes" group words, \" and \\ escape inside them.
core::Result<std::vector<std::string>> words(std::string_view line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    std::string w;
    if (line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '\\' && i + 1 < line.size()) { w += line[i + 1]; i += 2; continue; }
        if (line[i] == '"') { closed = true; ++i; break; }
        w += line[i++];
      }
      if (!closed) return core::Error{"unterminated quote"};
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') w += line[i++];
    }
    out.push_back(std::move(w));
  }
  return out;
}

bool parseSeconds(const std::string& s, double& out) {
  try {
    size_t used = 0;
    out = std::stod(s, &used);
    return used == s.size() && out >= 0 && out < 3600;
  } catch (...) {
    return false;
  }
}

}  // namespace

std::string Step::text() const {
  std::string t = verb;
  for (const auto& a : args) t += " \"" + a + "\"";
  return t;
}

core::Result<std::vector<Step>> parseScenario(std::string_view text, std::string_view name, const ExtraVerbs& extra) {
  std::vector<Step> steps;
  int lineNo = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() + 1 : end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    auto where = [&] { return std::string(name) + ":" + std::to_string(lineNo) + ": "; };
    auto w = words(line);
    if (!w) return core::Error{where() + w.error()};
    Step s{lineNo, w.value()[0], {w.value().begin() + 1, w.value().end()}};
    const int n = static_cast<int>(s.args.size());
    if (auto b = builtins().find(s.verb); b != builtins().end()) {
      if (n < b->second.first || n > b->second.second)
        return core::Error{where() + "'" + s.verb + "' takes " + std::to_string(b->second.first) +
                           (b->second.second > b->second.first ? "–" + std::to_string(b->second.second) : "") +
                           " argument(s), got " + std::to_string(n)};
      double secs = 0;
      if ((s.verb == "wait" || s.verb == "wait-not") && n == 2 && !parseSeconds(s.args[1], secs))
        return core::Error{where() + "wait timeout \"" + s.args[1] + "\" is not a number of seconds"};
      if (s.verb == "sleep" && !parseSeconds(s.args[0], secs))
        return core::Error{where() + "sleep \"" + s.args[0] + "\" is not a number of seconds"};
      if (s.verb == "screenshot" && s.args[0].find('/') != std::string::npos)
        return core::Error{where() + "screenshot name must not contain '/'"};
    } else if (auto x = extra.find(s.verb); x != extra.end()) {
      if (n < x->second)
        return core::Error{where() + "'" + s.verb + "' needs at least " + std::to_string(x->second) + " argument(s)"};
    } else {
      std::string known;
      for (const auto& [v, _] : builtins()) known += " " + v;
      for (const auto& [v, _] : extra) known += " " + v;
      return core::Error{where() + "unknown step '" + s.verb + "' (known:" + known + ")"};
    }
    steps.push_back(std::move(s));
  }
  if (steps.empty()) return core::Error{std::string(name) + ": the scenario has no steps"};
  return steps;
}

Action ScenarioRunner::advance(const ui::FrameLog& log, Clock::time_point now) {
  wakeAt_.reset();
  if (next_ >= steps_.size()) return act::Finished{};
  const Step& s = steps_[next_];
  auto fail = [&](const std::string& why) -> Action {
    return act::Failed{"line " + std::to_string(s.line) + ": " + s.text() + ": " + why};
  };
  auto visibleLabels = [&] {
    std::string all;
    for (const auto& w : log.widgets()) all += (all.empty() ? "" : ", ") + w.id + " (" + w.label + ")";
    return all;
  };

  if (s.verb == "tap") {
    const auto* w = log.findWidget(s.args[0]);
    if (!w) return fail("nothing on screen with that id or label; on screen: " + visibleLabels());
    ++next_;
    return act::TapAt{w->centreX(), w->centreY()};
  }
  if (s.verb == "type") { ++next_; return act::TypeText{s.args[0]}; }
  if (s.verb == "expect") {
    if (!log.showsText(s.args[0])) return fail("not on screen");
    ++next_;
    return act::None{};
  }
  if (s.verb == "expect-not") {
    if (log.showsText(s.args[0])) return fail("on screen, but should not be");
    ++next_;
    return act::None{};
  }
  if (s.verb == "wait" || s.verb == "wait-not") {
    if (!deadline_) {
      double secs = 5;
      if (s.args.size() == 2) secs = std::stod(s.args[1]);
      deadline_ = now + std::chrono::milliseconds(static_cast<long>(secs * 1000));
    }
    if (log.showsText(s.args[0]) == (s.verb == "wait")) { deadline_.reset(); ++next_; return act::None{}; }
    if (now >= *deadline_) { deadline_.reset(); return fail("did not appear in time"); }
    wakeAt_ = std::min(*deadline_, now + std::chrono::milliseconds(50));
    return act::None{};
  }
  if (s.verb == "sleep") {
    if (!sleepUntil_) sleepUntil_ = now + std::chrono::milliseconds(static_cast<long>(std::stod(s.args[0]) * 1000));
    if (now < *sleepUntil_) { wakeAt_ = *sleepUntil_; return act::None{}; }
    sleepUntil_.reset();
    ++next_;
    return act::None{};
  }
  if (s.verb == "screenshot") { ++next_; return act::Screenshot{screenshotDir_ + "/" + s.args[0] + ".png"}; }
  ++next_;
  return act::Device{s};
}

}  // namespace onestop::app
