#pragma once
// A complaint or suggestion (service rules: a channel for them at every hall): the citizen
// picks which, types it on the on-screen keyboard (pinyin), and it is kept in the outbox and
// sent to the central server with a reference. Anonymous: nothing identifies the citizen
// unless they write it; the text is personal data all the same (wiped with the session).
#include <cstdint>
#include <string>

namespace onestop::core {

struct ComplaintFlow {
  enum class Phase {
    Choosing,     ///< complaint or suggestion?
    Typing,       ///< the text, on the keyboard
    Submitting,   ///< being kept in the outbox
    Kept,         ///< kept; sent now or when the link is back
    Failed,       ///< could not be kept (disk full…)
  };
  static constexpr std::size_t kMaxChars = 200;   ///< the server takes 500; a screenful to check
  static constexpr std::size_t kMinChars = 2;

  Phase phase = Phase::Choosing;
  std::string category;          ///< complaint | suggestion
  std::string text;              ///< UTF-8, at most kMaxChars code points
  std::uint64_t request = 0;
  bool offline = false;          ///< Kept while the central system was unreachable
  std::string problemKey;        ///< Failed

  /// The keyboard's result: delete `deleteLast` characters, then append `committed` (cut at
  /// kMaxChars).
  void type(const std::string& committed, int deleteLast);
  std::size_t chars() const;
  bool ready() const { return chars() >= kMinChars; }
  void wipe();
};

}  // namespace onestop::core
