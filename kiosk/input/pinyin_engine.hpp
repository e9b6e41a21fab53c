#pragma once
// Pinyin to Chinese characters through librime (Luna Pinyin). Synchronous and owned by one
// thread: start() may compile the dictionary for seconds, so the UI uses PinyinInput, which
// runs this on its own worker. librime is process-wide: one started engine at a time.
//
// Privacy: what a citizen types is personal data. The engine never learns phrases (no user
// dictionary, no sync), and the user data dir only ever holds settings and compiled data.
#include <cstdint>
#include <filesystem>
#include <string>

#include "input/composition.hpp"

namespace onestop::input {

struct EngineOptions {
  std::filesystem::path userDataDir;   ///< kiosk-owned, stable across starts (compiled data is reused)
  std::filesystem::path sharedDataDir = "/usr/share/rime-data";
  Script script = Script::Simplified;
  int pageSize = 5;                     ///< candidates per page
};

struct DeployReport {
  bool ok = false;
  std::string error;
  double seconds = 0;
};

class PinyinEngine {
 public:
  explicit PinyinEngine(EngineOptions options);
  ~PinyinEngine();
  PinyinEngine(const PinyinEngine&) = delete;
  PinyinEngine& operator=(const PinyinEngine&) = delete;

  /// Writes the settings into the user data dir, starts librime, compiles or reuses the
  /// dictionary and opens a session. Blocks (seconds the first time): never on the UI thread.
  /// False, with error() set and a log line, when Chinese input cannot work.
  bool start();
  /// Ends the session and librime, and removes anything learnt (defensive). Idempotent.
  void stop();

  bool ready() const { return session_ != 0; }
  /// start() was tried and failed: letters only, for good.
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  /// Processes one key. Before start() or after a failure letters come back as Latin text.
  Composition apply(const Key& key);
  /// The composition as it stands (nothing committed).
  Composition state() const;
  void setScript(Script script);
  Script script() const { return options_.script; }
  /// Drops any composition (end of a citizen's session).
  void clear();

  /// For the set-up script: prepares `options.userDataDir` ahead of time (same files as
  /// start()), then shuts librime down again. Blocks.
  static DeployReport deploy(const EngineOptions& options);

 private:
  Composition fallback(const Key& key) const;
  bool fail(std::string message);
  void readCommit(Composition& out) const;
  void readContext(Composition& out) const;
  std::size_t inputLength() const;

  EngineOptions options_;
  std::uintptr_t session_ = 0;   // RimeSessionId
  bool owner_ = false;           // holds the process's one librime
  bool running_ = false;         // librime initialised by this engine
  std::string error_;
};

}  // namespace onestop::input
