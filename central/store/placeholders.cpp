#include "store/placeholders.hpp"

#include <cstddef>

namespace onestop::central::store {
namespace {

bool isIdentChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || u >= 0x80;
}

bool isTagStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// Each returns the index just past the construct that starts at `i` (or sql.size() when it
// is unterminated: the server reports that, not us).

std::size_t endOfQuoted(std::string_view sql, std::size_t i, char quote, bool backslashEscapes) {
  for (std::size_t j = i + 1; j < sql.size(); ++j) {
    if (backslashEscapes && sql[j] == '\\') {
      ++j;
    } else if (sql[j] == quote) {
      if (j + 1 < sql.size() && sql[j + 1] == quote) {
        ++j;  // doubled quote inside the literal
      } else {
        return j + 1;
      }
    }
  }
  return sql.size();
}

std::size_t endOfBlockComment(std::string_view sql, std::size_t i) {
  int depth = 0;  // PostgreSQL nests block comments
  for (std::size_t j = i; j + 1 < sql.size(); ++j) {
    if (sql[j] == '/' && sql[j + 1] == '*') {
      ++depth;
      ++j;
    } else if (sql[j] == '*' && sql[j + 1] == '/') {
      ++j;
      if (--depth == 0) return j + 1;
    }
  }
  return sql.size();
}

/// The opening `$tag$` at `i`, or empty when `$` starts something else ($1, an identifier).
std::string_view dollarTag(std::string_view sql, std::size_t i) {
  if (i > 0 && isIdentChar(sql[i - 1])) return {};
  std::size_t j = i + 1;
  if (j < sql.size() && sql[j] != '$') {
    if (!isTagStart(sql[j])) return {};
    while (j < sql.size() && isIdentChar(sql[j]) && sql[j] != '$') ++j;
  }
  if (j >= sql.size() || sql[j] != '$') return {};
  return sql.substr(i, j - i + 1);
}

}  // namespace

NumberedSql numberPlaceholders(std::string_view sql) {
  NumberedSql out;
  out.sql.reserve(sql.size() + 16);
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    std::size_t end = i + 1;
    if (c == '\'') {
      bool escapeString = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                          (i < 2 || !isIdentChar(sql[i - 2]));
      end = endOfQuoted(sql, i, '\'', escapeString);
    } else if (c == '"') {
      end = endOfQuoted(sql, i, '"', false);
    } else if (c == '-' && next == '-') {
      end = sql.find('\n', i);
      end = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (c == '/' && next == '*') {
      end = endOfBlockComment(sql, i);
    } else if (c == '$') {
      std::string_view tag = dollarTag(sql, i);
      if (!tag.empty()) {
        std::size_t close = sql.find(tag, i + tag.size());
        end = close == std::string_view::npos ? sql.size() : close + tag.size();
      }
    } else if (c == '?') {
      out.sql += '$';
      out.sql += std::to_string(++out.placeholders);
      ++i;
      continue;
    }
    out.sql.append(sql.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace onestop::central::store
