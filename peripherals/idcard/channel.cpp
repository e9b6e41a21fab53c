#include "idcard/channel.hpp"

#include <array>

#include <fmt/format.h>

namespace onestop::peripherals::idcard {

Expected<Response> Channel::transact(CommandCode code, std::span<const std::uint8_t> data,
                                     std::chrono::milliseconds timeout) {
  // Bytes left over from an abandoned exchange must not be taken for this answer.
  transport_.discardInput();
  decoder_.reset();
  const Bytes request = encodeRequest(code, data);
  if (auto c = transport_.write(request, timeout); !c.ok()) return c;

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::array<std::uint8_t, 512> buf{};
  for (;;) {
    switch (decoder_.next()) {
      case FrameDecoder::Status::Frame:
        if (auto r = parseResponseBody(decoder_.body())) return std::move(*r);
        return Completion{CompletionCode::InvalidData, -1, "response frame too short"};
      case FrameDecoder::Status::BadChecksum:
        return Completion{CompletionCode::InvalidData, -1,
                          fmt::format("response to {:02X} {:02X}: checksum mismatch", code.cmd, code.para)};
      case FrameDecoder::Status::BadLength:
        return Completion{CompletionCode::InvalidData, -1,
                          fmt::format("response to {:02X} {:02X}: impossible LEN", code.cmd, code.para)};
      case FrameDecoder::Status::NeedMore:
        break;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      const std::size_t partial = decoder_.buffered();
      return Completion{CompletionCode::TimeOut, -1,
                        partial > 0 ? fmt::format("response to {:02X} {:02X} truncated ({} bytes)", code.cmd,
                                                  code.para, partial)
                                    : fmt::format("no response to {:02X} {:02X}", code.cmd, code.para)};
    }
    auto n = transport_.read(buf, left);
    if (!n) {
      if (n.error().code == CompletionCode::TimeOut) continue;   // report with the byte count above
      return n.error();
    }
    decoder_.feed(std::span(buf).first(n.value()));
  }
}

}  // namespace onestop::peripherals::idcard
