#include "voice/language.hpp"

namespace onestop::voice {

std::string_view nameOf(Language language) {
  switch (language) {
    case Language::Mandarin: return "Mandarin";
    case Language::English: return "English";
  }
  return "unknown";
}

std::optional<Language> languageForLocale(std::string_view locale) {
  const auto primary = locale.substr(0, locale.find_first_of("-_"));
  if (primary == "zh" || primary == "cmn") return Language::Mandarin;
  if (primary == "en") return Language::English;
  return std::nullopt;
}

}  // namespace onestop::voice
