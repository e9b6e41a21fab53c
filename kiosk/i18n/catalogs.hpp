#pragma once
// Translation catalogs in ImHex's model: i18n/<code>.json holds one flat object of dotted
// keys; i18n/languages.json lists the languages with native names and fallbacks. Lookup
// walks the language, then its fallbacks, then returns the key itself (visible, logged).
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace onestop::i18n {

struct Language {
  std::string code;          ///< BCP 47, e.g. "zh-CN"
  std::string nativeName;    ///< shown on the language switch, e.g. "繁體中文"
  std::vector<std::string> fallbacks;
  std::string voice;         ///< espeak-ng voice name
};

class Catalogs {
 public:
  /// Loads languages.json and every catalog it names. Fails with a message naming the file
  /// and the problem (missing file, JSON syntax error with position, non-string value).
  static core::Result<Catalogs> load(const std::filesystem::path& dir);

  const std::vector<Language>& languages() const { return languages_; }
  const Language* language(std::string_view code) const;
  const std::string& defaultLanguage() const { return defaultLanguage_; }

  /// The text for key in `code`, walking fallbacks; nullptr when no catalog has it.
  const std::string* find(std::string_view code, std::string_view key) const;
  /// Like find, but returns the key itself when missing (so a gap is visible, not blank).
  const std::string& text(std::string_view code, std::string_view key) const;

  /// Keys of one language's own catalog (no fallbacks).
  std::vector<std::string> keys(std::string_view code) const;
  /// Every string of every catalog (for building the glyph set).
  std::vector<std::string_view> allTexts() const;

 private:
  std::vector<Language> languages_;
  std::string defaultLanguage_;
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> strings_;
  mutable std::map<std::string, std::string, std::less<>> missing_;   // key -> key, stable refs
};

}  // namespace onestop::i18n
