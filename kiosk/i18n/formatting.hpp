#pragma once
// Language-aware text: placeholders, dates, times and numbers. Patterns live in the
// catalogs ("format.date", "weekday.0" …), so a new language needs no code.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/catalogs.hpp"

namespace onestop::i18n {

struct CivilDate {
  int year = 1970, month = 1, day = 1;
  int weekday = 4;   ///< 0 = Sunday
};

class Translator {
 public:
  Translator(const Catalogs& catalogs, std::string language)
      : catalogs_(&catalogs), language_(std::move(language)) {}

  const std::string& language() const { return language_; }
  const std::string& tr(std::string_view key) const { return catalogs_->text(language_, key); }

  /// tr(key) with {name} placeholders filled. A broken pattern in a catalog yields the
  /// pattern itself rather than an exception.
  std::string format(std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& args) const;

  std::string date(const CivilDate& d) const;           ///< e.g. 2026年11月23日 星期一
  std::string time(int hour, int minute) const;         ///< e.g. 14:05
  std::string number(long long value) const;            ///< grouped digits: 12,345
  std::string money(long long fen) const;               ///< e.g. ¥1,234.50 / CNY 1,234.50

 private:
  const Catalogs* catalogs_;
  std::string language_;
};

/// Substitutes {name} placeholders; unknown names are kept verbatim, "{{" / "}}" escape.
std::string substitute(std::string_view pattern,
                       const std::vector<std::pair<std::string, std::string>>& args);

}  // namespace onestop::i18n
