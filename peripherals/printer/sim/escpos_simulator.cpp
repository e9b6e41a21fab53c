#include "printer/sim/escpos_simulator.hpp"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "printer/sim/receipt_image.hpp"

namespace onestop::peripherals::printer::sim {

Expected<std::unique_ptr<EscPosSimulator>> EscPosSimulator::create(SimulatorConfig config) {
  std::unique_ptr<EscPosSimulator> sim(new EscPosSimulator(std::move(config)));
  if (auto c = sim->openPty(); !c.ok()) return c;
  sim->thread_ = std::thread([s = sim.get()] { s->run(); });
  return sim;
}

EscPosSimulator::EscPosSimulator(SimulatorConfig config)
    : config_(std::move(config)), interpreter_([this](escpos::StatusRequest r) { answer(r); }) {}

EscPosSimulator::~EscPosSimulator() {
  stopping_ = true;
  if (wakeWrite_ >= 0) {
    const char x = 'x';
    [[maybe_unused]] auto n = ::write(wakeWrite_, &x, 1);
  }
  if (thread_.joinable()) thread_.join();
  for (int fd : {master_, slaveKeepAlive_, wakeRead_, wakeWrite_})
    if (fd >= 0) ::close(fd);
  if (!config_.linkPath.empty()) ::unlink(config_.linkPath.c_str());
}

Completion EscPosSimulator::openPty() {
  master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0)
    return {CompletionCode::DeviceNotReady, -1, fmt::format("pseudo terminal: {}", std::strerror(errno))};
  char name[128];
  if (::ptsname_r(master_, name, sizeof name) != 0) return {CompletionCode::DeviceNotReady, -1, "ptsname_r failed"};
  slavePath_ = name;
  // Keep one slave descriptor open: the pty lives on between driver opens, in raw mode.
  slaveKeepAlive_ = ::open(slavePath_.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slaveKeepAlive_ < 0) return {CompletionCode::DeviceNotReady, -1, fmt::format("open {}", slavePath_)};
  termios tio{};
  ::tcgetattr(slaveKeepAlive_, &tio);
  ::cfmakeraw(&tio);
  ::tcsetattr(slaveKeepAlive_, TCSANOW, &tio);
  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC) != 0) return {CompletionCode::InternalError, -1, "pipe2 failed"};
  wakeRead_ = pipeFds[0];
  wakeWrite_ = pipeFds[1];
  if (!config_.linkPath.empty()) {
    ::unlink(config_.linkPath.c_str());
    if (::symlink(slavePath_.c_str(), config_.linkPath.c_str()) != 0)
      return {CompletionCode::InvalidData, -1, fmt::format("symlink {}: {}", config_.linkPath, std::strerror(errno))};
  }
  if (!config_.outputDir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(config_.outputDir, ec);
    if (ec) return {CompletionCode::InvalidData, -1, fmt::format("{}: {}", config_.outputDir.string(), ec.message())};
  }
  return Completion::success();
}

void EscPosSimulator::run() {
  std::uint8_t buf[4096];
  while (!stopping_) {
    pollfd fds[2] = {{master_, POLLIN, 0}, {wakeRead_, POLLIN, 0}};
    if (::poll(fds, 2, 500) <= 0) continue;
    if (fds[1].revents & POLLIN) break;
    if (fds[0].revents & POLLIN) {
      const ssize_t n = ::read(master_, buf, sizeof buf);
      if (n > 0) onBytes({buf, static_cast<std::size_t>(n)});
    }
  }
}

bool EscPosSimulator::canPrint() const {
  return !state_.poweredOff && !state_.printer.paperOut && !state_.printer.coverOpen;
}

void EscPosSimulator::onBytes(std::span<const std::uint8_t> bytes) {
  std::vector<PrintedReceipt> toWrite;
  {
    std::lock_guard lock(mutex_);
    if (state_.poweredOff) return;   // nothing listens
    state_.bytesReceived += bytes.size();
    // The paper may end inside this chunk: what follows is received but not printed.
    std::size_t printable = bytes.size();
    if (state_.paperOutAfter) {
      printable = static_cast<std::size_t>(std::min<std::uint64_t>(*state_.paperOutAfter, bytes.size()));
      *state_.paperOutAfter -= printable;
    }
    const bool couldPrint = canPrint();
    interpreter_.feed(bytes.first(printable));
    if (state_.paperOutAfter && *state_.paperOutAfter == 0) {
      state_.paperOutAfter.reset();
      state_.printer.paperOut = state_.printer.stoppedByPaperEnd = true;
    }
    interpreter_.feed(bytes.subspan(printable));
    for (auto& r : interpreter_.takeReceipts()) {
      // A receipt cut while the printer could not print never left it.
      if (!couldPrint || !canPrint()) {
        ++state_.receiptsLost;
        continue;
      }
      ++state_.receiptsPrinted;
      if (!config_.outputDir.empty()) toWrite.push_back(r);
      receipts_.push_back(std::move(r));
    }
  }
  receiptsChanged_.notify_all();
  for (const auto& r : toWrite) {
    auto png = renderReceiptPng(r);
    if (!png) continue;
    std::ofstream(config_.outputDir / fmt::format("receipt-{}.png", ++written_), std::ios::binary) << png.value();
  }
}

// Called by the interpreter on the simulator thread, mutex_ held (from onBytes).
void EscPosSimulator::answer(escpos::StatusRequest request) {
  ++state_.statusQueries;
  const std::uint8_t b = escpos::statusByteFor(request, state_.printer);
  [[maybe_unused]] auto n = ::write(master_, &b, 1);
}

void EscPosSimulator::setPaperNearEnd(bool on) {
  std::lock_guard lock(mutex_);
  state_.printer.paperNearEnd = on;
}

void EscPosSimulator::setPaperOut(bool on) {
  std::lock_guard lock(mutex_);
  state_.printer.paperOut = state_.printer.stoppedByPaperEnd = on;
  if (on) state_.printer.paperNearEnd = true;
  state_.paperOutAfter.reset();
}

void EscPosSimulator::setPaperOutAfter(std::uint64_t bytes) {
  std::lock_guard lock(mutex_);
  state_.paperOutAfter = bytes;
}

void EscPosSimulator::setCoverOpen(bool open) {
  std::lock_guard lock(mutex_);
  state_.printer.coverOpen = open;
}

void EscPosSimulator::setPoweredOff(bool off) {
  std::lock_guard lock(mutex_);
  state_.poweredOff = off;
}

SimulatorStatus EscPosSimulator::status() const {
  std::lock_guard lock(mutex_);
  return state_;
}

std::vector<PrintedReceipt> EscPosSimulator::takeReceipts() {
  std::lock_guard lock(mutex_);
  return std::exchange(receipts_, {});
}

bool EscPosSimulator::waitForReceipts(std::size_t count, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return receiptsChanged_.wait_for(lock, timeout, [&] { return receipts_.size() >= count; });
}

std::vector<std::string> EscPosSimulator::findings() const {
  std::lock_guard lock(mutex_);
  return interpreter_.findings();
}

std::string EscPosSimulator::control(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::string verb, arg, extra;
  in >> verb >> arg >> extra;
  if (verb == "paper" && arg == "ok") {
    setPaperOut(false);
    setPaperNearEnd(false);
  } else if (verb == "paper" && arg == "low") {
    setPaperOut(false);
    setPaperNearEnd(true);
  } else if (verb == "paper" && arg == "out") {
    setPaperOut(true);
  } else if (verb == "paper" && arg == "out-after") {
    std::uint64_t n = 0;
    if (std::from_chars(extra.data(), extra.data() + extra.size(), n).ec != std::errc() || extra.empty())
      return "error paper out-after needs a byte count";
    setPaperOutAfter(n);
  } else if (verb == "cover" && (arg == "open" || arg == "closed")) {
    setCoverOpen(arg == "open");
  } else if (verb == "power" && (arg == "on" || arg == "off")) {
    setPoweredOff(arg == "off");
  } else if (verb == "status") {
    const auto s = status();
    return fmt::format("ok power={} paper={} cover={} bytes={} queries={} printed={} lost={}",
                       s.poweredOff ? "off" : "on",
                       s.printer.paperOut ? "out" : s.printer.paperNearEnd ? "low" : "ok",
                       s.printer.coverOpen ? "open" : "closed", s.bytesReceived, s.statusQueries, s.receiptsPrinted,
                       s.receiptsLost);
  } else if (verb == "help") {
    return "ok paper ok|low|out | paper out-after N | cover open|closed | power on|off | status";
  } else {
    return "error unknown command (try help)";
  }
  return "ok " + std::string(line);
}

}  // namespace onestop::peripherals::printer::sim
