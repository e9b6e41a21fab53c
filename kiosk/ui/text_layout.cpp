#include "ui/text_layout.hpp"

#include "core/utf8.hpp"

namespace onestop::ui {
namespace {

using core::appendUtf8;

bool isWide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Must not begin a line.
bool isClosing(char32_t c) {
  static constexpr std::u32string_view set = U"，。、；：！？）】」』》〉”’…,.;:!?)]}%";
  return set.find(c) != std::u32string_view::npos;
}
// Must not end a line.
bool isOpening(char32_t c) {
  static constexpr std::u32string_view set = U"（【「『《〈“‘([{¥￥";
  return set.find(c) != std::u32string_view::npos;
}

// Splits text into unbreakable units: one wide character (with trailing closing marks and
// leading opening marks glued on), or a run of non-space narrow characters, or a space.
std::vector<std::u32string> units(const std::vector<char32_t>& cps) {
  std::vector<std::u32string> out;
  std::u32string pendingOpen;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    if (c == U'\n') { out.push_back(pendingOpen); pendingOpen.clear(); out.push_back(U"\n"); continue; }
    if (isOpening(c)) { pendingOpen += c; continue; }
    std::u32string u = pendingOpen;
    pendingOpen.clear();
    if (c == U' ') {
      u += c;
    } else if (isWide(c) || isClosing(c)) {
      u += c;
    } else {
      while (i < cps.size() && cps[i] != U' ' && cps[i] != U'\n' && !isWide(cps[i]) && !isOpening(cps[i])) u += cps[i++];
      --i;
    }
    while (i + 1 < cps.size() && isClosing(cps[i + 1])) u += cps[++i];
    if (!out.empty() && !u.empty() && isClosing(u[0]) && out.back() != U"\n" && out.back() != U" ")
      out.back() += u;   // a closing mark glues to what precedes it
    else
      out.push_back(std::move(u));
  }
  if (!pendingOpen.empty()) out.push_back(pendingOpen);
  return out;
}

std::string toUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) appendUtf8(out, c);
  return out;
}

void trimTrailingSpace(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
}

}  // namespace

std::vector<std::string> wrapText(std::string_view text, float maxWidth, const MeasureFn& measure) {
  std::vector<std::string> lines;
  std::string line;
  for (const auto& unit : units(core::decodeUtf8(text))) {
    if (unit == U"\n") { trimTrailingSpace(line); lines.push_back(line); line.clear(); continue; }
    const std::string piece = toUtf8(unit);
    if (line.empty() && unit == U" ") continue;   // no leading spaces on a wrapped line
    std::string candidate = line + piece;
    if (line.empty() || measure(candidate) <= maxWidth) {
      line = std::move(candidate);
      continue;
    }
    trimTrailingSpace(line);
    lines.push_back(line);
    line = unit == U" " ? std::string() : piece;
  }
  trimTrailingSpace(line);
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace onestop::ui
