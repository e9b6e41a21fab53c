// Fuzzes what an ID card reader (or anything pretending to be one) can send us: the GA 467
// frame decoder fed in arbitrary chunks, response parsing, and the 256-byte UCS-2 text
// block decoder. Invariants beyond "no crash": bounded buffering, round-trip of any frame
// body, and no half-filled identity on a refused text block.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "idcard/frame.hpp"
#include "idcard/text_block.hpp"

using namespace onestop::peripherals::idcard;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void fuzzDecoder(std::span<const std::uint8_t> data) {
  if (data.empty()) return;
  // The first byte also picks the chunk size, like reads of varying length from a tty
  // (it stays in the stream so seed frames keep their preamble).
  const std::size_t chunk = 1 + data[0] % 64;
  FrameDecoder d(4);
  for (std::size_t at = 0; at < data.size(); at += chunk) {
    d.feed(data.subspan(at, std::min(chunk, data.size() - at)));
    for (int guard = 0; guard < 100000; ++guard) {
      const auto st = d.next();
      if (st == FrameDecoder::Status::NeedMore) break;
      if (st == FrameDecoder::Status::Frame) {
        check(d.body().size() + 1 >= 4 && d.body().size() + 1 <= kMaxLen);
        if (auto r = parseResponseBody(d.body())) {
          // Re-encoding what we parsed must give a frame that parses back identically.
          const Bytes again = encodeResponse(r->sw3, r->data, r->sw1, r->sw2);
          FrameDecoder d2(4);
          d2.feed(again);
          check(d2.next() == FrameDecoder::Status::Frame && d2.body() == d.body());
        }
      }
    }
    check(d.buffered() <= kHeaderSize + kMaxLen + 64);
  }
}

void fuzzText(std::span<const std::uint8_t> data) {
  (void)decodeUtf16le(data.first(data.size() & ~std::size_t{1}));
  if (data.size() < kTextBlockSize) return;
  const auto r = decodeTextBlock(data.first<kTextBlockSize>());
  if (r.error != TextBlockError::None) {
    check(r.identity.name.empty() && r.identity.idNumber.empty() && r.identity.address.empty() &&
          r.identity.englishName.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::span<const std::uint8_t> data(bytes, size);
  fuzzDecoder(data);
  fuzzText(data);
  // A read-base-info body: text block after SW1..SW3 and the two lengths.
  if (size >= 7 + 7 + kTextBlockSize) fuzzText(data.subspan(14));
  return 0;
}
