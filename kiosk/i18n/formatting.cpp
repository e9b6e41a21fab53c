#include "i18n/formatting.hpp"

#include <fmt/format.h>

#include "core/i18n_key.hpp"

namespace onestop::i18n {

std::string substitute(std::string_view pattern,
                       const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      const size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [k, v] : args)
          if (k == name) { out += v; found = true; break; }
        if (found) { i = close; continue; }
      }
    }
    out += c;
  }
  return out;
}

std::string Translator::format(std::string_view key,
                               const std::vector<std::pair<std::string, std::string>>& args) const {
  return substitute(tr(key), args);
}

std::string Translator::date(const CivilDate& d) const {
  const int wd = ((d.weekday % 7) + 7) % 7;
  const int mo = d.month < 1 || d.month > 12 ? 1 : d.month;
  return substitute(tr("format.date"_k),
                    {{"year", std::to_string(d.year)},
                     {"month", std::to_string(mo)},
                     {"day", std::to_string(d.day)},
                     {"month_name", tr("month." + std::to_string(mo))},
                     {"weekday", tr("weekday." + std::to_string(wd))}});
}

std::string Translator::time(int hour, int minute) const {
  return fmt::format("{:02}:{:02}", hour, minute);
}

std::string Translator::number(long long value) const {
  const std::string& sep = tr("format.group_separator"_k);
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    out += digits[i];
    const size_t left = n - i - 1;
    if (left > 0 && left % 3 == 0) out += sep;
  }
  return value < 0 ? "-" + out : out;
}

std::string Translator::money(long long fen) const {
  const long long absFen = fen < 0 ? -fen : fen;
  std::string amount = number(absFen / 100) + tr("format.decimal_separator"_k) +
                       fmt::format("{:02}", absFen % 100);
  if (fen < 0) amount = "-" + amount;
  return substitute(tr("format.money"_k), {{"amount", amount}});
}

}  // namespace onestop::i18n
