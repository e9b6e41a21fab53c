#pragma once
// Pending commands of one device: ids, futures, deadlines and cancellation, so every
// device thread handles them the same way. Thread-safe.
#include <chrono>
#include <deque>
#include <future>
#include <mutex>
#include <optional>

#include "device/device.hpp"

namespace onestop::peripherals {

class CommandQueue {
 public:
  struct Pending {
    RequestId id = 0;
    Command command;
    std::chrono::steady_clock::time_point deadline;   ///< max() when the timeout is 0
  };

  /// Registers a command; its future completes through complete()/cancel()/expire().
  CommandHandle push(Command command);

  /// The oldest command not yet taken by the device thread, if any.
  std::optional<Pending> take();

  /// Completes a command (no-op if it was cancelled or timed out meanwhile).
  void complete(RequestId id, Completion completion);

  /// Completes the command with Canceled; false if it already completed.
  bool cancel(RequestId id);

  /// Completes every command whose deadline passed with TimeOut.
  void expire(std::chrono::steady_clock::time_point now);

  /// Completes everything still open with `completion` (e.g. on stop()).
  void completeAll(const Completion& completion);

  bool isOpen(RequestId id) const;

  /// Earliest deadline of an open command (max() if none).
  std::chrono::steady_clock::time_point nextDeadline() const;

 private:
  struct Entry {
    Pending pending;
    std::promise<Completion> promise;
    bool taken = false;
  };
  mutable std::mutex mutex_;
  std::deque<Entry> entries_;
  RequestId nextId_ = 1;
};

}  // namespace onestop::peripherals
