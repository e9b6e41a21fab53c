#pragma once
// The byte link to a receipt printer: a USB printer node (/dev/usb/lp0, usblp), a serial
// port (termios), or the simulator's pseudo terminal. The status byte of DLE EOT comes back
// on the same link.
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "device/device.hpp"

namespace onestop::peripherals::printer {

class PrinterLink {
 public:
  virtual ~PrinterLink() = default;
  virtual Completion open() = 0;
  virtual void close() = 0;
  virtual bool isOpen() const = 0;
  /// Writes all bytes or fails (TimeOut when the printer stops taking data).
  virtual Completion write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) = 0;
  /// One byte, or nullopt when none came in time.
  virtual Expected<std::optional<std::uint8_t>> readByte(std::chrono::milliseconds timeout) = 0;
  /// Drops unread input (a late status answer).
  virtual void discardInput() = 0;
  /// False for links that cannot carry answers back (a CUPS raw queue).
  virtual bool readsStatus() const { return true; }
  virtual std::string describe() const = 0;
};

/// A device node or tty opened read-write. A tty is put in raw mode at `baud`.
struct FileLinkConfig {
  std::string path = "/dev/usb/lp0";
  int baud = 115200;   ///< serial ports only
};

}  // namespace onestop::peripherals::printer
