#pragma once
// What the on-screen keyboard's results do to a text field: delete characters from the end,
// then append the committed text — valid UTF-8 only, no control characters, at most
// `maxChars` code points. The old buffer is zeroed (typed text is personal data).
#include <cstddef>
#include <string>
#include <string_view>

namespace onestop::core {

void applyTyping(std::string& field, std::string_view committed, int deleteLast, std::size_t maxChars);
/// Characters other than spaces: whether something was really written.
std::size_t visibleChars(std::string_view text);

}  // namespace onestop::core
