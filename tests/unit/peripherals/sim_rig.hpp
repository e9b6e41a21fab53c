#pragma once
// Test rig: the real driver (termios transport) against the simulator through a pty,
// with wire delay off and short timeouts; waits are generous so a loaded machine only
// makes tests slower, never red.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "idcard/reader.hpp"
#include "idcard/sim/simulator.hpp"

namespace rig {

using namespace std::chrono_literals;
namespace idc = onestop::peripherals::idcard;
namespace per = onestop::peripherals;

inline constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{11},
                                                    std::chrono::day{23}};
inline constexpr auto kWait = 15s;   // upper bound only; typical waits are milliseconds

inline std::string peoplePath() { return std::string(ONESTOP_SOURCE_ROOT) + "/assets/demo/people.json"; }

class Events {
 public:
  per::EventSink sink() {
    return [this](per::DeviceEvent e) {
      {
        std::lock_guard lock(m_);
        list_.push_back(std::move(e));
      }
      cv_.notify_all();
    };
  }

  /// Waits for the next CardRead not yet taken.
  std::optional<per::CardRead> nextCardRead(std::chrono::milliseconds timeout = kWait) {
    std::unique_lock lock(m_);
    std::optional<per::CardRead> out;
    cv_.wait_for(lock, timeout, [&] {
      for (; readCursor_ < list_.size(); ++readCursor_) {
        if (auto* r = std::get_if<per::CardRead>(&list_[readCursor_].body)) {
          out = std::move(*r);
          ++readCursor_;
          return true;
        }
      }
      return false;
    });
    return out;
  }

  /// Waits until a StatusChanged to `state` arrives (after `from` events).
  bool waitState(per::DeviceState state, std::chrono::milliseconds timeout = kWait) {
    std::unique_lock lock(m_);
    return cv_.wait_for(lock, timeout, [&] {
      for (; stateCursor_ < list_.size(); ++stateCursor_) {
        if (auto* s = std::get_if<per::StatusChanged>(&list_[stateCursor_].body); s && s->status.device == state) {
          ++stateCursor_;
          return true;
        }
      }
      return false;
    });
  }

  template <class T>
  bool waitCount(std::size_t n, std::chrono::milliseconds timeout = kWait) {
    std::unique_lock lock(m_);
    return cv_.wait_for(lock, timeout, [&] { return countLocked<T>() >= n; });
  }

  template <class T>
  std::size_t count() {
    std::lock_guard lock(m_);
    return countLocked<T>();
  }

 private:
  template <class T>
  std::size_t countLocked() const {
    std::size_t n = 0;
    for (const auto& e : list_) n += std::holds_alternative<T>(e.body) ? 1 : 0;
    return n;
  }

  std::mutex m_;
  std::condition_variable cv_;
  std::vector<per::DeviceEvent> list_;
  std::size_t readCursor_ = 0;
  std::size_t stateCursor_ = 0;
};

inline std::unique_ptr<idc::sim::IdCardSimulator> makeSim(int baud = 115200, bool wireDelay = false) {
  idc::sim::SimulatorConfig sc;
  sc.baud = baud;
  sc.wireDelay = wireDelay;
  sc.peoplePath = peoplePath();
  auto sim = idc::sim::IdCardSimulator::create(sc);
  REQUIRE_MESSAGE(sim.ok(), (sim.ok() ? "" : sim.error().description));
  return std::move(sim.value());
}

inline idc::ReaderConfig readerConfig(const std::string& port) {
  idc::ReaderConfig rc;
  rc.serial.port = port;
  rc.serial.baud = 115200;
  rc.session.timings.command = 500ms;
  rc.session.timings.readInfo = 800ms;
  rc.session.timings.probe = 250ms;
  rc.pollInterval = 20ms;
  rc.reconnectInterval = 50ms;
  rc.today = [] { return kToday; };
  return rc;
}

struct Rig {
  std::unique_ptr<idc::sim::IdCardSimulator> sim = makeSim();
  Events events;
  std::unique_ptr<idc::IdCardReader> reader;

  explicit Rig(bool start = true) {
    auto rc = readerConfig(sim->devicePath());
    reader = std::make_unique<idc::IdCardReader>(rc, std::make_unique<idc::SerialTransport>(rc.serial),
                                                 idc::sim::makeSamplePhotoDecoder());
    if (start) this->start();
  }
  void start() {
    reader->start(events.sink());
    REQUIRE(events.waitState(per::DeviceState::Online));
  }
  ~Rig() { reader->stop(); }

  per::CardRead presentAndRead(const std::string& key) {
    REQUIRE(sim->present(key).ok());
    auto r = events.nextCardRead();
    REQUIRE(r.has_value());
    return std::move(*r);
  }
  void removeAndWait() {
    const auto before = events.count<per::MediaRemoved>();
    sim->remove();
    REQUIRE(events.waitCount<per::MediaRemoved>(before + 1));
  }
};

}  // namespace rig
