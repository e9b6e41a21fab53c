#pragma once
#include <optional>
#include <string_view>

namespace onestop::voice {

/// The spoken languages. zh-TW prompts are read with the Mandarin voice too: espeak-ng's
/// cmn dictionary knows traditional characters.
enum class Language { Mandarin, English };

std::string_view nameOf(Language language);
/// The voice for a UI locale ("zh-CN", "zh-TW", "en", "en-GB"…); nullopt when none fits.
std::optional<Language> languageForLocale(std::string_view locale);

}  // namespace onestop::voice
