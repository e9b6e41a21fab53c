#include "input/pinyin_input.hpp"

#include <algorithm>
#include <utility>

namespace onestop::input {
namespace {

// Removes the last UTF-8 character of s; false when s was empty.
bool popUtf8(std::string& s) {
  if (s.empty()) return false;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  s.erase(i);
  return true;
}

}  // namespace

PinyinInput::PinyinInput(EngineOptions options, Listener listener)
    : engine_(std::move(options)), listener_(std::move(listener)), worker_([this] { run(); }) {}

PinyinInput::~PinyinInput() {
  {
    std::lock_guard lock(queueMutex_);
    stopping_ = true;
  }
  queueCv_.notify_all();
  worker_.join();
}

std::uint64_t PinyinInput::enqueue(Command c, bool dropQueued) {
  std::uint64_t ticket;
  {
    std::lock_guard lock(queueMutex_);
    if (dropQueued) queue_.clear();
    c.ticket = ticket = ++nextTicket_;
    queue_.push_back(std::move(c));
  }
  queueCv_.notify_one();
  return ticket;
}

std::uint64_t PinyinInput::post(Key key) { return enqueue({Command::Kind::Key, std::move(key), {}, 0}, false); }

std::uint64_t PinyinInput::setScript(Script script) { return enqueue({Command::Kind::Script, {}, script, 0}, false); }

std::uint64_t PinyinInput::clear() {
  const std::uint64_t ticket = enqueue({Command::Kind::Clear, Key::clear(), {}, 0}, true);
  std::lock_guard lock(stateMutex_);
  latest_.committed.clear();
  latest_.deleteLast = 0;
  return ticket;
}

Composition PinyinInput::take() {
  std::lock_guard lock(stateMutex_);
  Composition out = latest_;
  latest_.committed.clear();
  latest_.deleteLast = 0;
  return out;
}

Composition PinyinInput::peek() const {
  std::lock_guard lock(stateMutex_);
  return latest_;
}

std::uint64_t PinyinInput::version() const {
  std::lock_guard lock(stateMutex_);
  return version_;
}

std::string PinyinInput::error() const {
  std::lock_guard lock(stateMutex_);
  return error_;
}

bool PinyinInput::waitHandled(std::uint64_t ticket, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(stateMutex_);
  return stateCv_.wait_for(lock, timeout, [&] { return latest_.handled >= ticket; });
}

void PinyinInput::publish(const Composition& c, std::uint64_t ticket, bool resetPending) {
  {
    std::lock_guard lock(stateMutex_);
    const std::uint64_t handled = std::max(latest_.handled, ticket);
    std::string committed = std::move(latest_.committed);
    int deletes = latest_.deleteLast;
    if (resetPending) {
      committed.clear();
      deletes = 0;
    }
    // A backspace first eats text the UI has not taken yet, then the field's own text.
    for (int i = 0; i < c.deleteLast; ++i)
      if (!popUtf8(committed)) ++deletes;
    committed += c.committed;
    latest_ = c;
    latest_.committed = std::move(committed);
    latest_.deleteLast = deletes;
    latest_.handled = handled;
    error_ = engine_.error();
    ++version_;
  }
  stateCv_.notify_all();
  if (listener_) {
    Composition own = c;
    own.handled = ticket;
    listener_(own);
  }
}

void PinyinInput::run() {
  engine_.start();
  publish(engine_.state(), 0, false);
  for (;;) {
    Command cmd;
    {
      std::unique_lock lock(queueMutex_);
      queueCv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) break;
      cmd = std::move(queue_.front());
      queue_.pop_front();
    }
    switch (cmd.kind) {
      case Command::Kind::Key: publish(engine_.apply(cmd.key), cmd.ticket, false); break;
      case Command::Kind::Script:
        engine_.setScript(cmd.script);
        publish(engine_.state(), cmd.ticket, false);
        break;
      case Command::Kind::Clear:
        engine_.clear();
        publish(engine_.state(), cmd.ticket, true);
        break;
    }
  }
  engine_.stop();
}

}  // namespace onestop::input
