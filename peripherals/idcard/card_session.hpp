#pragma once
// The GA 467 read cycle as synchronous steps (peripherals.md §1.2 session sequence):
//   connect:  open link → [probe baud] → SAM status 11 FF → optional 61 FF 50
//   poll:     find card 20 01 (0x9F present, 0x80 none)
//   read:     select 20 02 → read base info 30 01, repeated until `readsToAgree`
//             reads are byte-identical → decode → photo → check
// Used by the reader thread and, directly, by `onestop-devices idcard read`.
#include <chrono>
#include <memory>
#include <optional>

#include "device/device.hpp"
#include "idcard/channel.hpp"
#include "idcard/photo_decoder.hpp"
#include "idcard/transport.hpp"

namespace onestop::peripherals::idcard {

struct Timings {
  std::chrono::milliseconds command{1000};     ///< SAM status, find, select
  std::chrono::milliseconds readInfo{2000};    ///< 30 01 (1295 bytes ≈ 110 ms at 115200)
  std::chrono::milliseconds probe{300};        ///< per baud rate while probing
};

struct SessionOptions {
  Timings timings;
  bool setRfFrameSize = true;   ///< send 61 FF 50 after the SAM check (failure is ignored)
  int readsToAgree = 2;         ///< identical reads needed before an identity is trusted
  bool probeBaud = false;       ///< try the transport's other rates if the first is silent
};

enum class CardPresence { Present, Absent };

class CardSession {
 public:
  CardSession(Transport& transport, SessionOptions options, PhotoDecoder* photoDecoder = nullptr);

  /// Opens the link and checks the SAM. HardwareError with vendorCode = SW3 for SAM
  /// faults (0x60, 0x66), TimeOut / DeviceNotReady when nothing answers.
  Completion connect();

  /// One find-card poll.
  Expected<CardPresence> findCard();

  /// Selects and reads the card on the reader; never returns an identity that did not
  /// read identically `readsToAgree` times and pass core::checkIdentity.
  CardRead readCard(std::chrono::year_month_day today);

  /// Resets the SAM (10 FF) and checks it again.
  Completion resetSam();

  Transport& transport() { return channel_.transport(); }

 private:
  Completion samStatus(std::chrono::milliseconds timeout);
  Completion probe();
  Expected<Bytes> readBaseInfo();

  Channel channel_;
  SessionOptions options_;
  PhotoDecoder* photoDecoder_;
};

/// Completion for an unexpected SW3 (vendorCode = SW3, description with its name).
Completion sw3Completion(std::string_view step, std::uint8_t sw3);

}  // namespace onestop::peripherals::idcard
