#pragma once
// The web pages' texts: one flat JSON catalog per language (central/web/i18n/<code>.json,
// dotted keys), compiled into the server. zh-CN is the default and the fallback; a key
// missing from both shows as itself (visible, never blank). A test checks that every key
// used is in both catalogs and every catalog key is used.
//
//   Texts t(Language::ZhCN);
//   t("queue.title")                       // plain text; pages escape it on output
//   t("time.overdue", {"3"})               // {1}, {2}, … replaced
//   t.of(family, value)                    // "<family>.<value>", for values known at run time
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::central::web {

enum class Language { ZhCN, En };

std::string_view languageCode(Language language);  ///< "zh-CN", "en"
std::optional<Language> languageFromCode(std::string_view code);

class Texts {
 public:
  explicit Texts(Language language) : language_(language) {}
  Language language() const { return language_; }

  const std::string& operator()(std::string_view key) const;
  std::string operator()(std::string_view key, std::initializer_list<std::string_view> args) const;
  /// The text of "<family>.<value>" (value from data: a service id, a state, a role).
  const std::string& of(std::string_view family, std::string_view value) const;

 private:
  Language language_;
};

/// The keys of one language's catalog, sorted; empty when the embedded catalog is broken.
std::vector<std::string> catalogKeys(Language language);

}  // namespace onestop::central::web
