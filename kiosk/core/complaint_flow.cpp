#include "core/complaint_flow.hpp"

#include "core/secure_wipe.hpp"
#include "core/text_edit.hpp"
#include "core/utf8.hpp"

namespace onestop::core {

std::size_t ComplaintFlow::chars() const { return decodeUtf8(text).size(); }

void ComplaintFlow::type(const std::string& committed, int deleteLast) {
  if (phase == Phase::Typing) applyTyping(text, committed, deleteLast, kMaxChars);
}

void ComplaintFlow::wipe() {
  secureWipe(text);
  text.clear();
}

}  // namespace onestop::core
