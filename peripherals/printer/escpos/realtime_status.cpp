#include "printer/escpos/realtime_status.hpp"

namespace onestop::peripherals::escpos {
namespace {

constexpr unsigned kFixedBits = 0x12;   // 0xx1xx10b
constexpr bool bit(std::uint8_t b, int n) { return (b >> n) & 1; }
constexpr unsigned set(bool on, int n) { return on ? 1u << n : 0u; }

}  // namespace

bool applyStatusByte(StatusRequest request, std::uint8_t b, RealtimeStatus& s) {
  if (!isStatusByte(b)) return false;
  switch (request) {
    case StatusRequest::Printer: s.offline = bit(b, 3); break;
    case StatusRequest::OfflineCause:
      s.coverOpen = bit(b, 2);
      s.stoppedByPaperEnd = bit(b, 5);
      s.error = bit(b, 6);
      break;
    case StatusRequest::ErrorCause: break;   // model-dependent bits: not interpreted
    case StatusRequest::PaperSensor:
      // Both bits of a pair are set together; accept either (some clones set one).
      s.paperNearEnd = bit(b, 2) || bit(b, 3);
      s.paperOut = bit(b, 5) || bit(b, 6);
      break;
  }
  return true;
}

std::uint8_t statusByteFor(StatusRequest request, const RealtimeStatus& s) {
  unsigned b = kFixedBits;
  switch (request) {
    case StatusRequest::Printer: b |= set(s.offline, 3); break;
    case StatusRequest::OfflineCause: b |= set(s.coverOpen, 2) | set(s.stoppedByPaperEnd, 5) | set(s.error, 6); break;
    case StatusRequest::ErrorCause: break;
    case StatusRequest::PaperSensor:
      b |= set(s.paperNearEnd, 2) | set(s.paperNearEnd, 3) | set(s.paperOut, 5) | set(s.paperOut, 6);
      break;
  }
  return static_cast<std::uint8_t>(b);
}

}  // namespace onestop::peripherals::escpos
