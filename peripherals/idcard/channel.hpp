#pragma once
// One request/response exchange with the reader's SAM over a Transport.
#include <chrono>
#include <span>

#include "idcard/frame.hpp"
#include "idcard/transport.hpp"

namespace onestop::peripherals::idcard {

class Channel {
 public:
  explicit Channel(Transport& transport) : transport_(transport) {}

  /// Sends one command and waits for its response frame. A response arrives as a value
  /// whatever its SW3; errors are: TimeOut (silence, or a truncated frame — the
  /// description says which), InvalidData (bad checksum or impossible LEN), Canceled,
  /// HardwareError / DeviceNotReady from the transport.
  Expected<Response> transact(CommandCode code, std::span<const std::uint8_t> data,
                              std::chrono::milliseconds timeout);

  Transport& transport() { return transport_; }

  /// Zeroes buffered frame bytes (they may hold personal data).
  void scrub() { decoder_.reset(); }

 private:
  Transport& transport_;
  FrameDecoder decoder_{4};   // a response carries at least SW1 SW2 SW3 CHK
};

}  // namespace onestop::peripherals::idcard
