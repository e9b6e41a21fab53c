#include "core/text_edit.hpp"

#include <vector>

#include "core/secure_wipe.hpp"
#include "core/utf8.hpp"

namespace onestop::core {

void applyTyping(std::string& field, std::string_view committed, int deleteLast, std::size_t maxChars) {
  std::vector<char32_t> cps = decodeUtf8(field);
  for (int i = 0; i < deleteLast && !cps.empty(); ++i) cps.pop_back();
  if (isValidUtf8(committed))
    for (char32_t c : decodeUtf8(committed))
      if (c >= 0x20 && c != 0x7F && cps.size() < maxChars) cps.push_back(c);
  std::string out;
  for (char32_t c : cps) appendUtf8(out, c);
  for (volatile char32_t& c : cps) c = 0;
  secureWipe(field);
  field = std::move(out);
}

std::size_t visibleChars(std::string_view text) {
  std::size_t n = 0;
  for (char32_t c : decodeUtf8(text))
    if (c != U' ') ++n;
  return n;
}

}  // namespace onestop::core
