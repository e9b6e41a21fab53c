#pragma once
// Real-time status, DLE EOT n (peripherals.md §4.1): the printer answers one byte per
// request at once, even mid-job. OneStop asks n = 1 (printer), 2 (offline cause) and
// 4 (paper roll sensor).
#include <array>
#include <cstdint>
#include <optional>

namespace onestop::peripherals::escpos {

enum class StatusRequest : std::uint8_t { Printer = 1, OfflineCause = 2, ErrorCause = 3, PaperSensor = 4 };

inline std::array<std::uint8_t, 3> statusRequestBytes(StatusRequest n) {
  return {0x10, 0x04, static_cast<std::uint8_t>(n)};
}

/// True for a byte of the status pattern 0xx1xx10b (bits 1 and 4 set, 0 and 7 clear).
constexpr bool isStatusByte(std::uint8_t b) { return (b & 0x93) == 0x12; }

struct RealtimeStatus {
  bool offline = false;          ///< n=1 bit 3
  bool coverOpen = false;        ///< n=2 bit 2
  bool stoppedByPaperEnd = false;///< n=2 bit 5
  bool error = false;            ///< n=2 bit 6
  bool paperNearEnd = false;     ///< n=4 bits 2 and 3
  bool paperOut = false;         ///< n=4 bits 5 and 6
  bool operator==(const RealtimeStatus&) const = default;
};

/// Folds one answer into `status`; false when `answer` is not a status byte.
bool applyStatusByte(StatusRequest request, std::uint8_t answer, RealtimeStatus& status);

/// The byte a printer in `status` answers to `request` (the simulator's side).
std::uint8_t statusByteFor(StatusRequest request, const RealtimeStatus& status);

}  // namespace onestop::peripherals::escpos
