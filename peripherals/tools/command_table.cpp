#include "command_table.hpp"

#include <algorithm>
#include <charconv>

namespace onestop::peripherals::tools {

Args::Args(std::vector<std::string> words, std::vector<std::string_view> flags) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.rfind("--", 0) != 0) {
      positional_.push_back(w);
      continue;
    }
    std::string key = w.substr(2);
    if (const auto eq = key.find('='); eq != std::string::npos) {
      options_.emplace_back(key.substr(0, eq), key.substr(eq + 1));
    } else if (std::find(flags.begin(), flags.end(), key) != flags.end()) {
      set_.push_back(key);
    } else if (i + 1 < words.size()) {
      options_.emplace_back(key, words[++i]);
    } else {
      error_ = "option --" + key + " needs a value";
    }
  }
}

std::optional<std::string> Args::get(std::string_view key) const {
  for (auto it = options_.rbegin(); it != options_.rend(); ++it)
    if (it->first == key) return it->second;
  return std::nullopt;
}

bool Args::has(std::string_view flag) const { return std::find(set_.begin(), set_.end(), flag) != set_.end(); }

int Args::intOr(std::string_view key, int fallback, int min, int max) {
  const auto v = get(key);
  if (!v) return fallback;
  int out = 0;
  const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || ptr != v->data() + v->size() || out < min || out > max) {
    error_ = "--" + std::string(key) + " must be a number from " + std::to_string(min) + " to " + std::to_string(max);
    return fallback;
  }
  return out;
}

}  // namespace onestop::peripherals::tools
