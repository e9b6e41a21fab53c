#include <doctest/doctest.h>

#include <array>

#include "idcard/frame.hpp"

using namespace onestop::peripherals::idcard;

namespace {
Bytes hex(std::initializer_list<int> v) {
  Bytes out;
  for (int b : v) out.push_back(static_cast<std::uint8_t>(b));
  return out;
}
}  // namespace

TEST_CASE("request frames match peripherals.md 1.2 byte for byte") {
  CHECK(encodeRequest(kResetSam) == hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x10, 0xFF, 0xEC}));
  CHECK(encodeRequest(kSamStatus) == hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED}));
  CHECK(encodeRequest(kReadSamId) == hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x12, 0xFF, 0xEE}));
  CHECK(encodeRequest(kFindCard) == hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22}));
  CHECK(encodeRequest(kSelectCard) == hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21}));
  CHECK(encodeRequest(kReadBaseInfo) == hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32}));
  CHECK(encodeRequest(kReadAppendedAddress).back() == 0x30);
  CHECK(encodeRequest(kReadWithFingerprint) == hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x10, 0x23}));
  const std::array<std::uint8_t, 1> rf{0x50};
  CHECK(encodeRequest(kSetMaxRfBytes, rf) == hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x61, 0xFF, 0x50, 0xCA}));
}

TEST_CASE("a response frame round-trips through the decoder") {
  const std::array<std::uint8_t, 4> data{1, 2, 3, 4};
  const Bytes frame = encodeResponse(sw3::kFindOk, data);
  CHECK(frame.size() == 7 + 3 + 4 + 1);
  CHECK(frame[5] == 0x00);
  CHECK(frame[6] == 0x08);   // LEN counts SW1..SW3 + data + CHK
  FrameDecoder d(4);
  d.feed(frame);
  REQUIRE(d.next() == FrameDecoder::Status::Frame);
  const auto r = parseResponseBody(d.body());
  REQUIRE(r);
  CHECK(r->sw3 == sw3::kFindOk);
  CHECK(r->data == Bytes(data.begin(), data.end()));
  CHECK(d.next() == FrameDecoder::Status::NeedMore);
}

TEST_CASE("the decoder reassembles a frame fed byte by byte after noise") {
  const Bytes frame = encodeResponse(sw3::kSuccess, Bytes(300, 0x5A));
  FrameDecoder d(4);
  const Bytes noise{0x00, 0xAA, 0xAA, 0x13, 0xAA};
  d.feed(noise);
  CHECK(d.next() == FrameDecoder::Status::NeedMore);
  for (std::size_t i = 0; i + 1 < frame.size(); ++i) {
    d.feed(std::span(frame).subspan(i, 1));
    CHECK(d.next() == FrameDecoder::Status::NeedMore);
  }
  d.feed(std::span(frame).last(1));
  CHECK(d.next() == FrameDecoder::Status::Frame);
  CHECK(d.body().size() == 3 + 300);
  CHECK(d.skipped() == noise.size());
}

TEST_CASE("bad checksum is reported and the next good frame still found") {
  Bytes bad = encodeResponse(sw3::kSuccess, Bytes(10, 1));
  bad.back() ^= 0xFF;
  const Bytes good = encodeResponse(sw3::kNoCard);
  FrameDecoder d(4);
  d.feed(bad);
  d.feed(good);
  CHECK(d.next() == FrameDecoder::Status::BadChecksum);
  auto st = d.next();
  while (st == FrameDecoder::Status::BadChecksum || st == FrameDecoder::Status::BadLength) st = d.next();
  REQUIRE(st == FrameDecoder::Status::Frame);
  CHECK(parseResponseBody(d.body())->sw3 == sw3::kNoCard);
}

TEST_CASE("oversized and undersized LEN are rejected without buffering") {
  FrameDecoder d(4);
  d.feed(hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF, 0x00}));
  CHECK(d.next() == FrameDecoder::Status::BadLength);
  CHECK(d.next() == FrameDecoder::Status::NeedMore);
  CHECK(d.buffered() < 8);
  FrameDecoder d2(4);
  d2.feed(hex({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x01, 0x01}));
  CHECK(d2.next() == FrameDecoder::Status::BadLength);
}

TEST_CASE("a truncated frame never yields a frame") {
  const Bytes frame = encodeResponse(sw3::kSuccess, Bytes(1290, 7));
  FrameDecoder d(4);
  d.feed(std::span(frame).first(frame.size() / 2));
  CHECK(d.next() == FrameDecoder::Status::NeedMore);
  CHECK(d.buffered() == frame.size() / 2);
}

TEST_CASE("garbage alone never yields a frame") {
  FrameDecoder d(4);
  Bytes garbage;
  std::uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245u + 12345u;
    garbage.push_back(static_cast<std::uint8_t>(x >> 16));
  }
  d.feed(garbage);
  int frames = 0;
  for (int i = 0; i < 10000; ++i) {
    const auto st = d.next();
    if (st == FrameDecoder::Status::NeedMore) break;
    if (st == FrameDecoder::Status::Frame) ++frames;
  }
  CHECK(frames == 0);
  CHECK(d.buffered() <= kHeaderSize + kMaxLen);
}

TEST_CASE("SW3 codes have names") {
  CHECK(sw3Name(0x90) == "success");
  CHECK(sw3Name(0x66) == "SAM not authorised");
  CHECK(sw3Name(0x60) == "SAM self-test failed");
  CHECK(sw3Name(0x80) == "find card failed (no card)");
  CHECK(sw3Name(0x01) == "unknown SW3");
  CHECK(toHex(hex({0xAA, 0x0F})) == "AA 0F");
}
