#include "device/command_queue.hpp"

#include <algorithm>

namespace onestop::peripherals {

CommandHandle CommandQueue::push(Command command) {
  std::lock_guard lock(mutex_);
  Entry e;
  e.pending.id = nextId_++;
  e.pending.deadline = command.timeout.count() > 0
                           ? std::chrono::steady_clock::now() + command.timeout
                           : std::chrono::steady_clock::time_point::max();
  e.pending.command = std::move(command);
  CommandHandle handle{e.pending.id, e.promise.get_future()};
  entries_.push_back(std::move(e));
  return handle;
}

std::optional<CommandQueue::Pending> CommandQueue::take() {
  std::lock_guard lock(mutex_);
  for (auto& e : entries_) {
    if (!e.taken) {
      e.taken = true;
      return e.pending;
    }
  }
  return std::nullopt;
}

void CommandQueue::complete(RequestId id, Completion completion) {
  std::lock_guard lock(mutex_);
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.pending.id == id; });
  if (it == entries_.end()) return;
  it->promise.set_value(std::move(completion));
  entries_.erase(it);
}

bool CommandQueue::cancel(RequestId id) {
  std::lock_guard lock(mutex_);
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.pending.id == id; });
  if (it == entries_.end()) return false;
  it->promise.set_value(Completion{CompletionCode::Canceled, -1, "canceled by request"});
  entries_.erase(it);
  return true;
}

void CommandQueue::expire(std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->pending.deadline <= now) {
      it->promise.set_value(Completion{CompletionCode::TimeOut, -1, "command timed out"});
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
}

void CommandQueue::completeAll(const Completion& completion) {
  std::lock_guard lock(mutex_);
  for (auto& e : entries_) e.promise.set_value(completion);
  entries_.clear();
}

bool CommandQueue::isOpen(RequestId id) const {
  std::lock_guard lock(mutex_);
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.pending.id == id; });
}

std::chrono::steady_clock::time_point CommandQueue::nextDeadline() const {
  std::lock_guard lock(mutex_);
  auto t = std::chrono::steady_clock::time_point::max();
  for (const auto& e : entries_) t = std::min(t, e.pending.deadline);
  return t;
}

}  // namespace onestop::peripherals
