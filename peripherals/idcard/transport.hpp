#pragma once
// A byte link to a reader. Serial (termios) today; USB bulk (libusb, VID:PID 0400:C35A,
// OUT 0x02 / IN 0x81 carrying the same frames) can implement the same interface.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "device/device.hpp"

namespace onestop::peripherals::idcard {

class Transport {
 public:
  virtual ~Transport() = default;

  /// Opens (or reopens) the link. Errors: NoDevice-style completions with the OS reason.
  virtual Completion open() = 0;
  virtual void close() = 0;
  virtual bool isOpen() const = 0;

  /// Writes all bytes or fails (TimeOut, HardwareError).
  virtual Completion write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) = 0;

  /// Waits up to `timeout` for at least one byte and returns what is available (at most
  /// buffer.size()). TimeOut when nothing arrived, Canceled after interrupt().
  virtual Expected<std::size_t> read(std::span<std::uint8_t> buffer, std::chrono::milliseconds timeout) = 0;

  /// Discards unread input (stale bytes of an abandoned response).
  virtual void discardInput() = 0;

  /// Makes a blocked or the next read() return Canceled at once (thread-safe).
  virtual void interrupt() = 0;
  /// Clears a pending interrupt.
  virtual void clearInterrupt() = 0;

  /// Line speeds worth trying when the reader is silent (serial only; empty otherwise).
  virtual std::vector<int> probeRates() const { return {}; }
  /// Switches the open link to another rate (serial only).
  virtual Completion setRate(int /*rate*/) { return {CompletionCode::UnsupportedCommand, -1, "no line speed"}; }

  /// Human-readable link description, e.g. "/dev/ttyUSB0 @ 115200".
  virtual std::string describe() const = 0;
};

}  // namespace onestop::peripherals::idcard
