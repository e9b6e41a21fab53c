#include "store/error_text.hpp"

namespace onestop::central::store {

std::string statementHead(std::string_view sql) {
  constexpr std::size_t kMaxChars = 48;
  std::string head;
  bool pendingSpace = false;
  for (char c : sql) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      pendingSpace = !head.empty();
      continue;
    }
    if (head.size() >= kMaxChars) {
      // Cut at the last word boundary so a half identifier does not mislead.
      auto space = head.rfind(' ');
      if (space != std::string::npos && space > kMaxChars / 2) head.resize(space);
      head += " …";
      return head;
    }
    if (pendingSpace) head += ' ';
    pendingSpace = false;
    head += c;
  }
  return head;
}

std::string withoutInput(std::string_view message) {
  bool cut = false;
  if (auto colon = message.find(": "); colon != std::string_view::npos) {
    message = message.substr(0, colon);
    cut = true;
  }
  std::string out;
  bool inQuote = false;
  for (char c : message) {
    if (c == '"') {
      out += inQuote ? "…\"" : "\"";
      inQuote = !inQuote;
    } else if (!inQuote) {
      out += c;
    }
  }
  if (inQuote) out += "…\"";
  if (cut) out += ": …";
  return out;
}

}  // namespace onestop::central::store
