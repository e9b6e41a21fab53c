#pragma once
// UTF-8 helpers. Text keeps its true Unicode everywhere (names with CJK Extension B+
// characters included); these only walk it.
#include <string>
#include <string_view>
#include <vector>

namespace onestop::core {

/// Decodes UTF-8 into code points. Malformed sequences yield U+FFFD, one per bad byte,
/// so callers never loop forever or read past the end.
std::vector<char32_t> decodeUtf8(std::string_view text);

/// Encodes one code point (invalid ones become U+FFFD).
void appendUtf8(std::string& out, char32_t cp);

/// True when the text is well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool isValidUtf8(std::string_view text);

}  // namespace onestop::core
