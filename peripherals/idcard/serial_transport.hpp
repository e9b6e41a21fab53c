#pragma once
// Serial link through termios: 8N1, raw, no flow control; waits with poll(2).
#include <atomic>
#include <string>
#include <vector>

#include "idcard/transport.hpp"

namespace onestop::peripherals::idcard {

struct SerialConfig {
  std::string port = "/dev/ttyUSB0";
  int baud = 115200;
  /// When the reader does not answer at `baud`, try these in turn (peripherals.md §1.7).
  bool probeBaud = false;
  std::vector<int> probeRates{115200, 57600, 38400, 19200, 9600};
};

/// True when `baud` is one of the standard rates termios can set.
bool isSupportedBaud(int baud);

class SerialTransport final : public Transport {
 public:
  explicit SerialTransport(SerialConfig config);
  ~SerialTransport() override;
  SerialTransport(const SerialTransport&) = delete;
  SerialTransport& operator=(const SerialTransport&) = delete;

  Completion open() override;
  void close() override;
  bool isOpen() const override { return fd_ >= 0; }
  Completion write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) override;
  Expected<std::size_t> read(std::span<std::uint8_t> buffer, std::chrono::milliseconds timeout) override;
  void discardInput() override;
  void interrupt() override;
  void clearInterrupt() override;
  std::string describe() const override;
  std::vector<int> probeRates() const override { return config_.probeRates; }
  Completion setRate(int rate) override { return setBaud(rate); }

  /// Changes the line speed of the open port (used by baud probing).
  Completion setBaud(int baud);
  int baud() const { return baud_; }
  const SerialConfig& config() const { return config_; }

 private:
  SerialConfig config_;
  int baud_;
  int fd_ = -1;
  int wakeRead_ = -1;    // self-pipe: interrupt() writes, read() polls it with the port
  int wakeWrite_ = -1;
};

}  // namespace onestop::peripherals::idcard
