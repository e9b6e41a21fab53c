// onestop-bench-idcard: what the ID card reader costs, measured on the real driver against
// the simulator over a pty at 115200 baud with honest wire time:
//   - card presented → CardRead(identity) event, with the production 1 s poll interval
//     (the card lands at a random moment of the poll cycle, as at a kiosk),
//   - the read itself (MediaInserted → CardRead: select + two 1295-byte reads),
//   - CPU of idle polling (getrusage over the whole process: driver and simulator).
// Figures are printed for people to read, never asserted.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "idcard/reader.hpp"
#include "idcard/sim/card_image.hpp"
#include "idcard/sim/simulator.hpp"

using namespace std::chrono;
using namespace onestop::peripherals;

namespace {

struct Recorder {
  std::mutex m;
  std::condition_variable cv;
  std::vector<std::pair<steady_clock::time_point, std::size_t>> log;   // time, variant index

  EventSink sink() {
    return [this](DeviceEvent e) {
      {
        std::lock_guard lock(m);
        log.emplace_back(e.time, e.body.index());
      }
      cv.notify_all();
    };
  }
  // Time of the first event of kind `index` after `from`.
  std::optional<steady_clock::time_point> waitFor(std::size_t index, steady_clock::time_point from, seconds limit) {
    std::unique_lock lock(m);
    std::optional<steady_clock::time_point> at;
    cv.wait_for(lock, limit, [&] {
      for (const auto& [t, i] : log)
        if (i == index && t >= from) {
          at = t;
          return true;
        }
      return false;
    });
    return at;
  }
};

constexpr std::size_t kMediaInserted = 1;
constexpr std::size_t kMediaRemoved = 2;
constexpr std::size_t kCardRead = 3;
static_assert(std::is_same_v<std::variant_alternative_t<kCardRead, decltype(DeviceEvent::body)>, CardRead>);
static_assert(std::is_same_v<std::variant_alternative_t<kMediaInserted, decltype(DeviceEvent::body)>, MediaInserted>);

double cpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

void row(const char* what, double value, const char* unit, const char* note) {
  std::printf("| %-44s | %10.2f %-4s | %-40s |\n", what, value, unit, note);
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

}  // namespace

int main(int argc, char** argv) {
  int trials = 8;
  int idleSeconds = 5;
  bool wireDelay = true;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--trials") && i + 1 < argc) trials = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--idle-seconds") && i + 1 < argc) idleSeconds = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--no-wire-delay")) wireDelay = false;
    else {
      std::fprintf(stderr, "usage: onestop-bench-idcard [--trials N] [--idle-seconds S] [--no-wire-delay]\n");
      return 2;
    }
  }
  spdlog::set_level(spdlog::level::warn);

  idcard::sim::SimulatorConfig sc;
  sc.baud = 115200;
  sc.wireDelay = wireDelay;
  auto sim = idcard::sim::IdCardSimulator::create(sc);
  if (!sim) {
    std::fprintf(stderr, "simulator: %s\n", sim.error().description.c_str());
    return 1;
  }
  idcard::ReaderConfig rc;   // production timings: 1 s poll, 1 s / 2 s command timeouts
  rc.serial.port = sim.value()->devicePath();
  idcard::IdCardReader reader(rc, std::make_unique<idcard::SerialTransport>(rc.serial),
                              idcard::sim::makeSamplePhotoDecoder());
  Recorder rec;
  reader.start(rec.sink());
  while (reader.status().device != DeviceState::Online) std::this_thread::sleep_for(10ms);

  // Idle first: connected, no card, polling once a second.
  std::this_thread::sleep_for(1s);
  const double cpu0 = cpuSeconds();
  const auto wall0 = steady_clock::now();
  std::this_thread::sleep_for(seconds(idleSeconds));
  const double idleCpu = cpuSeconds() - cpu0;
  const double idleWall = duration<double>(steady_clock::now() - wall0).count();

  std::mt19937 rng(42);
  std::uniform_int_distribution<int> phase(0, 999);
  std::vector<double> total, readOnly;
  for (int t = 0; t < trials; ++t) {
    std::this_thread::sleep_for(milliseconds(phase(rng)));   // random point of the poll cycle
    const auto presented = steady_clock::now();
    sim.value()->present("worker");
    const auto inserted = rec.waitFor(kMediaInserted, presented, 10s);
    const auto read = rec.waitFor(kCardRead, presented, 10s);
    if (!inserted || !read) {
      std::fprintf(stderr, "trial %d: no card read within 10 s\n", t);
      return 1;
    }
    total.push_back(duration<double, std::milli>(*read - presented).count());
    readOnly.push_back(duration<double, std::milli>(*read - *inserted).count());
    const auto removed = steady_clock::now();
    sim.value()->remove();
    rec.waitFor(kMediaRemoved, removed, 10s);
  }
  reader.stop();

  std::printf("OneStop ID card reader benchmark — simulator over a pty, 115200 baud, wire delay %s, %d trials\n\n",
              wireDelay ? "on" : "off", trials);
  std::printf("| %-44s | %15s | %-40s |\n", "figure", "value", "note");
  std::printf("|%s|%s|%s|\n", std::string(46, '-').c_str(), std::string(17, '-').c_str(), std::string(42, '-').c_str());
  row("card presented -> identity, median", percentile(total, 0.5), "ms", "includes waiting for the 1 s poll");
  row("card presented -> identity, worst", percentile(total, 1.0), "ms", "");
  row("read cycle (find -> identity), median", percentile(readOnly, 0.5), "ms", "select + 2 x 30 01 (1295 B each)");
  row("read cycle, worst", percentile(readOnly, 1.0), "ms", "");
  row("idle polling CPU", 100.0 * idleCpu / idleWall, "%", "one core; driver + simulator, no card");
  row("idle polling CPU time per second", 1000.0 * idleCpu / idleWall, "ms/s", "");
  return 0;
}
