#include "core/masking.hpp"

#include <vector>

#include "core/utf8.hpp"

namespace onestop::core {
namespace {

// Keeps `head` leading and `tail` trailing code points and masks the rest with '*'.
// A value too short to hide at least three characters is masked completely.
std::string keepEnds(std::string_view text, std::size_t head, std::size_t tail) {
  const std::vector<char32_t> cps = decodeUtf8(text);
  const std::size_t n = cps.size();
  if (n < head + tail + 3) head = tail = 0;
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i < head || i >= n - tail) appendUtf8(out, cps[i]);
    else out += '*';
  }
  return out;
}

}  // namespace

std::string maskIdNumber(std::string_view id) { return keepEnds(id, 6, 4); }

std::string maskName(std::string_view name) {
  const std::vector<char32_t> cps = decodeUtf8(name);
  std::string out;
  const std::size_t n = cps.size();
  for (std::size_t i = 0; i < n; ++i) {
    const bool first = i == 0 && n >= 2;
    const bool last = i == n - 1 && n >= 3;
    if (cps[i] == U' ' || first || last) appendUtf8(out, cps[i]);
    else out += '*';
  }
  return out;
}

std::string maskPhone(std::string_view phone) {
  if (phone.size() == 11) return keepEnds(phone, 3, 4);   // mobile
  return keepEnds(phone, 0, 4);
}

}  // namespace onestop::core
