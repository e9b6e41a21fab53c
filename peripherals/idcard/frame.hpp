#pragma once
// GA 467 / SAM_V frame codec (peripherals.md §1.1-1.3).
//
//   AA AA AA 96 69 | LEN_H LEN_L | CMD PARA  | DATA | CHK     request
//   AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 | DATA | CHK   response
//
// LEN (big-endian) counts everything after itself, CHK included. CHK is the XOR of every
// byte from LEN_H to the last data byte; it is always computed, never copied from a table.
// Pure byte handling, no I/O: shared by the driver, the simulator and the fuzzer.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::peripherals::idcard {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::array<std::uint8_t, 5> kPreamble{0xAA, 0xAA, 0xAA, 0x96, 0x69};
inline constexpr std::size_t kHeaderSize = 7;          ///< preamble + LEN
/// Largest LEN any command produces (30 10 with fingerprints: 3+2+2+2+256+1024+1024+1).
inline constexpr std::size_t kMaxLen = 2400;

/// CMD/PARA pairs of the commands we use (§1.2).
struct CommandCode { std::uint8_t cmd; std::uint8_t para; };
inline constexpr CommandCode kResetSam{0x10, 0xFF};
inline constexpr CommandCode kSamStatus{0x11, 0xFF};
inline constexpr CommandCode kReadSamId{0x12, 0xFF};
inline constexpr CommandCode kFindCard{0x20, 0x01};
inline constexpr CommandCode kSelectCard{0x20, 0x02};
inline constexpr CommandCode kReadBaseInfo{0x30, 0x01};
inline constexpr CommandCode kReadAppendedAddress{0x30, 0x03};
inline constexpr CommandCode kReadWithFingerprint{0x30, 0x10};
inline constexpr CommandCode kSetMaxRfBytes{0x61, 0xFF};

/// SW3 result codes (§1.3).
namespace sw3 {
inline constexpr std::uint8_t kSuccess = 0x90;
inline constexpr std::uint8_t kFindOk = 0x9F;
inline constexpr std::uint8_t kNoContent = 0x91;
inline constexpr std::uint8_t kChecksumError = 0x10;
inline constexpr std::uint8_t kLengthError = 0x11;
inline constexpr std::uint8_t kCommandError = 0x21;
inline constexpr std::uint8_t kPrivilege = 0x23;
inline constexpr std::uint8_t kUnknownError = 0x24;
inline constexpr std::uint8_t kCardToSamAuth = 0x31;
inline constexpr std::uint8_t kSamToCardAuth = 0x32;
inline constexpr std::uint8_t kInfoVerify = 0x33;
inline constexpr std::uint8_t kUnknownCardType = 0x40;
inline constexpr std::uint8_t kReadFailed = 0x41;
inline constexpr std::uint8_t kRandomFailed = 0x47;
inline constexpr std::uint8_t kSamSelfTest = 0x60;
inline constexpr std::uint8_t kSamNotAuthorised = 0x66;
inline constexpr std::uint8_t kNoCard = 0x80;
inline constexpr std::uint8_t kSelectFailed = 0x81;
}  // namespace sw3

/// Short English name of an SW3 code, e.g. "SAM not authorised"; "unknown SW3" otherwise.
std::string_view sw3Name(std::uint8_t code);

/// XOR of the bytes (what CHK must equal over LEN_H..last data byte).
std::uint8_t xorChecksum(std::span<const std::uint8_t> bytes);

Bytes encodeRequest(CommandCode code, std::span<const std::uint8_t> data = {});
Bytes encodeResponse(std::uint8_t sw3, std::span<const std::uint8_t> data = {},
                     std::uint8_t sw1 = 0x00, std::uint8_t sw2 = 0x00);

struct Request {
  CommandCode code{};
  Bytes data;
};
struct Response {
  std::uint8_t sw1 = 0, sw2 = 0, sw3 = 0;
  Bytes data;
};

/// Interprets a frame body (the LEN bytes minus CHK, as FrameDecoder yields it).
std::optional<Request> parseRequestBody(std::span<const std::uint8_t> body);
std::optional<Response> parseResponseBody(std::span<const std::uint8_t> body);

/// Finds frames in a byte stream. Bytes before a preamble are skipped; a frame with a bad
/// checksum or an impossible LEN is reported and skipped by one byte, so a corrupt frame
/// can never swallow the next good one. Memory is bounded by kMaxLen.
class FrameDecoder {
 public:
  enum class Status { NeedMore, Frame, BadChecksum, BadLength };

  explicit FrameDecoder(std::size_t minLen = 3) : minLen_(minLen) {}

  void feed(std::span<const std::uint8_t> bytes);
  /// Next result; with Frame, body() holds the bytes between LEN and CHK.
  Status next();
  const Bytes& body() const { return body_; }
  /// Bytes skipped as noise so far (for diagnostics).
  std::size_t skipped() const { return skipped_; }
  std::size_t buffered() const { return buf_.size(); }
  void reset();

 private:
  std::size_t minLen_;
  Bytes buf_;
  Bytes body_;
  std::size_t skipped_ = 0;
};

/// Hex dump for logs, e.g. "AA AA AA 96 69 00 03 11 FF ED".
std::string toHex(std::span<const std::uint8_t> bytes);

}  // namespace onestop::peripherals::idcard
