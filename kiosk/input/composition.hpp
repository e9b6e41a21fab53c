#pragma once
// What travels between the on-screen keyboard and the pinyin engine: the keys a citizen
// taps and the state the keyboard shows. Plain data, no librime, so the UI can include it.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace onestop::input {

/// Which characters the candidates are written in: zh-CN (简化字) or zh-TW (正體字).
enum class Script { Simplified, Traditional };

/// Longest pinyin the engine composes at once; further letters are ignored (a street
/// name is a few syllables, and an endless preedit only confuses).
inline constexpr std::size_t kMaxPinyinLetters = 32;

struct Key {
  enum class Kind {
    Letter,        ///< a–z: pinyin while composing Chinese
    Text,          ///< literal text (digits, Latin letters in 英 mode): commits any composition first
    Backspace,     ///< last pinyin letter, or else the field's last character (see deleteLast)
    Space,         ///< first candidate, or else a literal space
    Select,        ///< candidate `index` on the current page
    NextPage,
    PreviousPage,
    Clear,         ///< drop the composition (nothing committed)
  };
  Kind kind = Kind::Clear;
  char ch = 0;        ///< Letter
  int index = -1;     ///< Select
  std::string text;   ///< Text

  static Key letter(char c) { return {Kind::Letter, c, -1, {}}; }
  static Key literal(std::string s) { return {Kind::Text, 0, -1, std::move(s)}; }
  static Key backspace() { return {Kind::Backspace, 0, -1, {}}; }
  static Key space() { return {Kind::Space, 0, -1, {}}; }
  static Key select(int i) { return {Kind::Select, 0, i, {}}; }
  static Key nextPage() { return {Kind::NextPage, 0, -1, {}}; }
  static Key previousPage() { return {Kind::PreviousPage, 0, -1, {}}; }
  static Key clear() { return {Kind::Clear, 0, -1, {}}; }
};

/// The keyboard's view of the engine after a key, plus what the text field must do.
struct Composition {
  std::string preedit;                  ///< pinyin being composed ("bei jing"); empty = none
  std::vector<std::string> candidates;  ///< the current page only
  int page = 0;                         ///< 0-based
  bool lastPage = true;
  int deleteLast = 0;                   ///< first remove this many characters from the field's end
  std::string committed;                ///< then append this
  bool ready = false;                   ///< Chinese available; false = letters are plain Latin
  bool failed = false;                  ///< will never be ready (data missing): stay with letters
  std::uint64_t handled = 0;            ///< PinyinInput: tickets processed so far

  bool composing() const { return !preedit.empty(); }
};

}  // namespace onestop::input
