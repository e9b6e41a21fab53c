#pragma once
// What a CUPS queue's state means for the device model (peripherals.md §4.2, §5):
// printer-state, printer-is-accepting-jobs and printer-state-reasons (RFC 8011, PWG
// 5100.9) to DeviceState and the XFS-spelled details "paper", "toner", "door".
#include <string>
#include <string_view>
#include <vector>

#include "device/device.hpp"

namespace onestop::peripherals::printer {

/// The queue as Get-Printer-Attributes reports it.
struct CupsQueueState {
  int state = 3;                       ///< printer-state: 3 idle, 4 processing, 5 stopped
  bool accepting = true;               ///< printer-is-accepting-jobs
  std::vector<std::string> reasons;    ///< printer-state-reasons, e.g. "media-empty-error"
  std::string message;                 ///< printer-state-message (driver text, for technicians)
};

enum class ReasonSeverity { Report, Warning, Error };

struct StateReason {
  std::string keyword;                 ///< without its suffix: "media-empty"
  ReasonSeverity severity = ReasonSeverity::Error;   ///< no suffix means error (RFC 8011 §5.4.12)
};
StateReason parseReason(std::string_view reason);

/// online: idle or processing, accepting, no error reason. userError: out of paper,
/// jammed, toner or ink empty, a door or cover open. offline: stopped (disabled,
/// paused), not accepting jobs, offline-report. Warnings (toner-low...) stay online and
/// show in the details.
DeviceStatus deviceStatusOf(const CupsQueueState& queue);

}  // namespace onestop::peripherals::printer
