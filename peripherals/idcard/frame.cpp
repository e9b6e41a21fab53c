#include "idcard/frame.hpp"

#include <algorithm>

#include "core/secure_wipe.hpp"

namespace onestop::peripherals::idcard {

std::string_view sw3Name(std::uint8_t code) {
  switch (code) {
    case sw3::kSuccess: return "success";
    case sw3::kFindOk: return "find card OK";
    case sw3::kNoContent: return "item has no content";
    case sw3::kChecksumError: return "checksum error in received frame";
    case sw3::kLengthError: return "length error";
    case sw3::kCommandError: return "command error / bad parameter";
    case sw3::kPrivilege: return "privilege violation";
    case sw3::kUnknownError: return "unknown error";
    case sw3::kCardToSamAuth: return "card-to-SAM authentication failed";
    case sw3::kSamToCardAuth: return "SAM-to-card authentication failed";
    case sw3::kInfoVerify: return "information verification error";
    case sw3::kUnknownCardType: return "unrecognised card type";
    case sw3::kReadFailed: return "read card failed";
    case sw3::kRandomFailed: return "get random number failed";
    case sw3::kSamSelfTest: return "SAM self-test failed";
    case sw3::kSamNotAuthorised: return "SAM not authorised";
    case sw3::kNoCard: return "find card failed (no card)";
    case sw3::kSelectFailed: return "select card failed";
    default: return "unknown SW3";
  }
}

std::uint8_t xorChecksum(std::span<const std::uint8_t> bytes) {
  std::uint8_t x = 0;
  for (auto b : bytes) x = static_cast<std::uint8_t>(x ^ b);
  return x;
}

namespace {

Bytes encode(std::span<const std::uint8_t> head, std::span<const std::uint8_t> data) {
  const std::size_t len = head.size() + data.size() + 1;
  Bytes out(kPreamble.begin(), kPreamble.end());
  out.push_back(static_cast<std::uint8_t>(len >> 8));
  out.push_back(static_cast<std::uint8_t>(len & 0xFF));
  out.insert(out.end(), head.begin(), head.end());
  out.insert(out.end(), data.begin(), data.end());
  out.push_back(xorChecksum(std::span(out).subspan(kPreamble.size())));
  return out;
}

}  // namespace

Bytes encodeRequest(CommandCode code, std::span<const std::uint8_t> data) {
  const std::array<std::uint8_t, 2> head{code.cmd, code.para};
  return encode(head, data);
}

Bytes encodeResponse(std::uint8_t sw3Code, std::span<const std::uint8_t> data, std::uint8_t sw1,
                     std::uint8_t sw2) {
  const std::array<std::uint8_t, 3> head{sw1, sw2, sw3Code};
  return encode(head, data);
}

std::optional<Request> parseRequestBody(std::span<const std::uint8_t> body) {
  if (body.size() < 2) return std::nullopt;
  Request r;
  r.code = {body[0], body[1]};
  r.data.assign(body.begin() + 2, body.end());
  return r;
}

std::optional<Response> parseResponseBody(std::span<const std::uint8_t> body) {
  if (body.size() < 3) return std::nullopt;
  Response r;
  r.sw1 = body[0];
  r.sw2 = body[1];
  r.sw3 = body[2];
  r.data.assign(body.begin() + 3, body.end());
  return r;
}

void FrameDecoder::feed(std::span<const std::uint8_t> bytes) {
  buf_.insert(buf_.end(), bytes.begin(), bytes.end());
}

void FrameDecoder::reset() {
  // Frames carry personal data (the ID card text block); leave none behind.
  core::secureWipe(buf_);
  core::secureWipe(body_);
}

FrameDecoder::Status FrameDecoder::next() {
  body_.clear();
  // Drop everything before the first possible preamble start.
  const auto start = std::search(buf_.begin(), buf_.end(), kPreamble.begin(), kPreamble.end());
  const bool found = start != buf_.end();
  std::size_t drop = static_cast<std::size_t>(start - buf_.begin());
  if (!found) {
    // Keep a tail that may be the beginning of a preamble split across reads.
    const std::size_t keep = std::min(buf_.size(), kPreamble.size() - 1);
    drop = buf_.size() - keep;
  }
  if (drop > 0) {
    skipped_ += drop;
    buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(drop));
  }
  if (!found || buf_.size() < kHeaderSize) return Status::NeedMore;

  const std::size_t len = (static_cast<std::size_t>(buf_[5]) << 8) | buf_[6];
  if (len < minLen_ || len > kMaxLen) {
    ++skipped_;
    buf_.erase(buf_.begin());
    return Status::BadLength;
  }
  if (buf_.size() < kHeaderSize + len) return Status::NeedMore;

  const auto covered = std::span(buf_).subspan(5, 2 + len - 1);   // LEN_H .. last data byte
  if (xorChecksum(covered) != buf_[kHeaderSize + len - 1]) {
    ++skipped_;
    buf_.erase(buf_.begin());
    return Status::BadChecksum;
  }
  body_.assign(buf_.begin() + kHeaderSize, buf_.begin() + static_cast<std::ptrdiff_t>(kHeaderSize + len - 1));
  buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(kHeaderSize + len));
  return Status::Frame;
}

std::string toHex(std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 3);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i) out += ' ';
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0x0F];
  }
  return out;
}

}  // namespace onestop::peripherals::idcard
