#pragma once
// The device model every peripheral class shares, after XFS4IoT (peripherals.md §5):
// a common device state plus class-specific status, commands with a timeout that can be
// cancelled and end in a completion code, and unsolicited events.
//
// Devices run on their own threads. They never call into the UI: they post DeviceEvent
// values to an EventSink the application provides. Errors are values (Completion), no
// exception crosses this interface.
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/expected.hpp"

#include "core/identity.hpp"
#include "core/identity_check.hpp"

namespace onestop::peripherals {

/// XFS4IoT Common.Status "device".
enum class DeviceState { Online, Offline, PowerOff, NoDevice, HardwareError, UserError, Busy };
std::string_view nameOf(DeviceState state);   ///< "online", "offline", "powerOff", ...

enum class DeviceClass { CardReader, Printer, Scanner };
std::string_view nameOf(DeviceClass deviceClass);

/// XFS4IoT completion codes (the subset our devices produce).
enum class CompletionCode {
  Success, Canceled, TimeOut, HardwareError, DeviceNotReady, InvalidData, UserError,
  UnsupportedCommand, InternalError, SequenceError
};
std::string_view nameOf(CompletionCode code);   ///< "success", "timeOut", ...

/// How a command (or one step of a device's own cycle) ended.
struct Completion {
  CompletionCode code = CompletionCode::Success;
  int vendorCode = -1;        ///< device-specific code, e.g. the GA 467 SW3 byte; -1 = none
  std::string description;    ///< precise text for logs and technicians; never personal data

  bool ok() const { return code == CompletionCode::Success; }
  static Completion success() { return {}; }
};

/// A value or the Completion that explains why there is none.
template <class T>
using Expected = core::Expected<T, Completion>;

/// Common state plus class-specific fields as key/value, e.g. CardReader
/// {"media": "present"}, Printer {"paper": "low"}. Values follow XFS4IoT spelling.
struct DeviceStatus {
  DeviceState device = DeviceState::NoDevice;
  std::map<std::string, std::string> details;
  std::string description;    ///< why the device is not online (for technicians)
  bool operator==(const DeviceStatus&) const = default;
};

/// Well-known class-specific keys and values.
namespace status {
inline constexpr std::string_view kMedia = "media";   // CardReader, Printer
inline constexpr std::string_view kMediaPresent = "present";
inline constexpr std::string_view kMediaNotPresent = "notPresent";
inline constexpr std::string_view kMediaUnknown = "unknown";
inline constexpr std::string_view kMediaJammed = "jammed";
inline constexpr std::string_view kSecurity = "security";   // CardReader: SAM state
inline constexpr std::string_view kPaper = "paper";         // Printer: full/low/out/jammed
}  // namespace status

using RequestId = std::uint64_t;

/// A command for a device. Names follow XFS4IoT ("CardReader.ReadRawData", "Common.Reset").
struct Command {
  std::string name;
  std::chrono::milliseconds timeout{0};   ///< 0 waits forever (until cancelled)
};

struct CommandHandle {
  RequestId id = 0;
  std::future<Completion> completion;
};

// ---- Unsolicited events ----------------------------------------------------------------

struct StatusChanged { DeviceStatus status; };
struct MediaInserted {};
struct MediaRemoved {};

/// What became of one card read. Every outcome except Ok carries no identity, so a
/// half-read or inconsistent card never reaches the session.
enum class CardReadOutcome {
  Ok,            ///< identity read twice alike and checked
  Expired,       ///< read and consistent, but its validity ended (expiredOn says when)
  NotYetValid,   ///< read and consistent, but its validity starts later
  CheckFailed,   ///< read alike twice but the data fails its checks (check says which)
  Unreadable,    ///< the reader could not read the card consistently (completion says why)
  Unsupported    ///< a card type this kiosk cannot read
};
std::string_view nameOf(CardReadOutcome outcome);

struct CardRead {
  CardReadOutcome outcome = CardReadOutcome::Unreadable;
  std::optional<core::Identity> identity;                  ///< set only when outcome is Ok
  core::IdentityCheckResult check;                         ///< the failed check, if any
  std::optional<std::chrono::year_month_day> expiredOn;    ///< for Expired
  Completion completion;                                   ///< for Unreadable / Unsupported
  std::optional<RequestId> requestId;                      ///< set when a command asked for it

  /// i18n key the UI can show: "card_read.ok", "identity_check.expired", "id_check.*",
  /// "card_read.unreadable", "card_read.unsupported".
  std::string_view reasonKey() const;
};

/// A code the scanner decoded (reported once while it stays in view). The text may be a
/// credential (an e-SSC login token): never log it.
struct CodeRead {
  std::string format;   ///< "QRCode", "PDF417", "DataMatrix"
  std::string text;
};

struct DeviceEvent {
  std::string deviceId;                              ///< e.g. "idcard"
  std::chrono::steady_clock::time_point time;
  std::variant<StatusChanged, MediaInserted, MediaRemoved, CardRead, CodeRead> body;
};

/// Provided by the application. Called from device threads; must be cheap, non-blocking
/// and thread-safe (typically: push into the app's queue and wake the UI thread).
using EventSink = std::function<void(DeviceEvent)>;

/// One peripheral. start() spawns the device thread; stop() joins it (idempotent, also run
/// by the destructor of implementations). status() is a cached snapshot and never blocks on I/O.
class Device {
 public:
  virtual ~Device() = default;
  virtual std::string_view id() const = 0;
  virtual DeviceClass deviceClass() const = 0;
  virtual void start(EventSink sink) = 0;
  virtual void stop() = 0;
  virtual DeviceStatus status() const = 0;
  /// Queues a command; its future completes with Success, TimeOut, Canceled, ... An
  /// unknown name completes at once with UnsupportedCommand.
  virtual CommandHandle execute(Command command) = 0;
  /// Cancels a queued or running command; false if it already completed.
  virtual bool cancel(RequestId id) = 0;
};

}  // namespace onestop::peripherals
