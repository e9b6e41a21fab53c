#pragma once
// The pinyin engine for the UI thread: a worker thread owns the librime session (and does
// the first deployment, which can take seconds), the UI only posts keys and reads results.
// Nothing here blocks the caller beyond a short lock.
//
//   UI thread                         worker
//   post(Key) ──── queue ──────────▶  engine.apply(key)
//   take()/version() ◀── snapshot ──  publish (+ listener callback, on the worker)
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "input/pinyin_engine.hpp"

namespace onestop::input {

class PinyinInput {
 public:
  /// Called on the worker after every key, with that key's result only (committed text and
  /// deletions not accumulated); the app may turn it into an event. Must not call back into
  /// this object's waitHandled().
  using Listener = std::function<void(const Composition&)>;

  /// Starts the worker, which starts the engine at once (ready=false until then).
  explicit PinyinInput(EngineOptions options, Listener listener = {});
  /// Stops the worker and librime; waits for a deployment under way to finish.
  ~PinyinInput();
  PinyinInput(const PinyinInput&) = delete;
  PinyinInput& operator=(const PinyinInput&) = delete;

  /// Queues a key; returns its ticket (Composition::handled reaches it once processed).
  std::uint64_t post(Key key);
  /// Switches between 简化字 and 正體字 (the language changed); queued like a key.
  std::uint64_t setScript(Script script);
  /// End of a citizen's session: drops queued keys and undelivered text, then the composition.
  std::uint64_t clear();

  /// The latest state with the text committed and deleted since the previous take();
  /// resets those two. Call once per frame when version() moved.
  Composition take();
  /// Like take() without resetting.
  Composition peek() const;
  /// Moves every time the worker publishes a new state.
  std::uint64_t version() const;
  /// Why Chinese input is off (empty while fine or still starting).
  std::string error() const;

  /// Waits until the ticket is processed. For tests and tools, never on the UI thread.
  bool waitHandled(std::uint64_t ticket, std::chrono::milliseconds timeout) const;

 private:
  struct Command {
    enum class Kind { Key, Script, Clear } kind;
    Key key;
    Script script = Script::Simplified;
    std::uint64_t ticket = 0;
  };

  void run();
  void publish(const Composition& c, std::uint64_t ticket, bool resetPending);
  std::uint64_t enqueue(Command c, bool dropQueued);

  PinyinEngine engine_;   // touched by the worker only
  Listener listener_;

  std::mutex queueMutex_;
  std::condition_variable queueCv_;
  std::deque<Command> queue_;
  std::uint64_t nextTicket_ = 0;
  bool stopping_ = false;

  mutable std::mutex stateMutex_;
  mutable std::condition_variable stateCv_;
  Composition latest_;   // committed/deleteLast accumulated since the last take()
  std::uint64_t version_ = 0;
  std::string error_;

  std::thread worker_;   // last: starts once everything above exists
};

}  // namespace onestop::input
