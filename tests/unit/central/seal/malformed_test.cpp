#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "seal_fixtures.hpp"

using namespace onestop::central::seal;
using namespace onestop::central::seal::testing;

namespace {

struct Fixture {
  KeyRing ring = freshRing();
  std::string text = ring.seal(sampleRequest(), kT0).value().text;
  std::vector<PublicKey> keys = ring.publicKeys(kT0);

  // The seal with field `index` (0-based, of 10) replaced.
  std::string withField(std::size_t index, std::string_view value) const {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t dot; (dot = text.find('.', start)) != std::string::npos; start = dot + 1) {
      fields.emplace_back(text.substr(start, dot - start));
    }
    fields.emplace_back(text.substr(start));
    REQUIRE(fields.size() == 10);
    fields[index] = std::string(value);
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "." : "") + fields[i];
    return out;
  }

  std::string rejectionOf(std::string_view candidate) const {
    const auto v = verifySeal(candidate, keys, kT0);
    CHECK(v.status == SealStatus::Malformed);
    CHECK_FALSE(v.payload.has_value());
    return v.message;
  }
};

bool mentions(const std::string& message, std::string_view what) {
  return message.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("empty and oversized seals are malformed") {
  const Fixture f;
  CHECK(mentions(f.rejectionOf(""), "empty"));
  CHECK(mentions(f.rejectionOf(f.text + std::string(kMaxSealLength, 'A')), "at most 250"));
  CHECK(mentions(f.rejectionOf(std::string(1 << 20, '.')), "at most 250"));
}

TEST_CASE("wrong separators and field counts are malformed") {
  const Fixture f;
  std::string commas = f.text;
  std::replace(commas.begin(), commas.end(), '.', ',');
  CHECK(mentions(f.rejectionOf(commas), "position 4"));
  CHECK(mentions(f.rejectionOf(f.text + "."), "more than 10"));
  CHECK(mentions(f.rejectionOf(f.text + ".AAAA"), "more than 10"));
  CHECK(mentions(f.rejectionOf(f.text.substr(0, f.text.rfind('.'))), "9 '.'-separated fields"));
  CHECK(mentions(f.rejectionOf("." + f.text), "more than 10"));
  std::string doubled = f.text;
  doubled.insert(doubled.find('.'), ".");
  CHECK(mentions(f.rejectionOf(doubled), "more than 10"));
  CHECK(mentions(f.rejectionOf("OSS1"), "1 '.'-separated fields"));
  CHECK(mentions(f.rejectionOf(".........."), "more than 10"));
  CHECK(mentions(f.rejectionOf("........."), "unknown version"));
  std::string spaced = f.text;
  spaced.insert(10, " ");
  CHECK(mentions(f.rejectionOf(spaced), "position 10"));
  CHECK(mentions(f.rejectionOf(f.text + "\n"), "position"));
}

TEST_CASE("non-ASCII input is malformed") {
  const Fixture f;
  CHECK(mentions(f.rejectionOf("OSS1.张三"), "non-ASCII byte at position 5"));
  CHECK(mentions(f.rejectionOf(f.text.substr(0, 20) + "\xff" + f.text.substr(21)), "position 20"));
  std::string withNul = f.text;
  withNul[7] = '\0';
  CHECK(mentions(f.rejectionOf(withNul), "position 7"));
}

TEST_CASE("each field is checked strictly") {
  const Fixture f;
  CHECK(mentions(f.rejectionOf(f.withField(0, "OSS2")), "unknown version"));
  CHECK(mentions(f.rejectionOf(f.withField(0, "oss1")), "unknown version"));
  CHECK(mentions(f.rejectionOf(f.withField(1, "")), "kid"));
  CHECK(mentions(f.rejectionOf(f.withField(1, "ABCDEF01")), "kid"));
  CHECK(mentions(f.rejectionOf(f.withField(1, "abcdefabcdef0")), "kid"));
  CHECK(mentions(f.rejectionOf(f.withField(2, "")), "serial"));
  CHECK(mentions(f.rejectionOf(f.withField(2, "C_1")), "serial"));
  CHECK(mentions(f.rejectionOf(f.withField(2, std::string(25, '1'))), "serial"));
  CHECK(mentions(f.rejectionOf(f.withField(3, "p")), "type"));
  CHECK(mentions(f.rejectionOf(f.withField(3, "PR")), "type"));
  CHECK(mentions(f.rejectionOf(f.withField(3, "")), "type"));
  CHECK(mentions(f.rejectionOf(f.withField(4, "01736900000")), "issuedAt"));
  CHECK(mentions(f.rejectionOf(f.withField(4, "17369000000")), "issuedAt"));
  CHECK(mentions(f.rejectionOf(f.withField(4, "-1")), "issuedAt"));
  CHECK(mentions(f.rejectionOf(f.withField(4, "")), "issuedAt"));
  CHECK(mentions(f.rejectionOf(f.withField(5, "1e9")), "validUntil"));
  CHECK(mentions(f.rejectionOf(f.withField(5, "1736900000")), "later than issuedAt"));
  CHECK(mentions(f.rejectionOf(f.withField(6, "")), "maskedName"));
  CHECK(mentions(f.rejectionOf(f.withField(6, base64urlEncode(std::string_view("张小三")))),
                 "not masked"));
  CHECK(mentions(f.rejectionOf(f.withField(6, base64urlEncode(std::string_view("\xe5\xbc*")))),
                 "UTF-8"));
  CHECK(mentions(f.rejectionOf(f.withField(6, base64urlEncode(std::string_view("*\n*")))),
                 "UTF-8"));
  CHECK(mentions(f.rejectionOf(f.withField(7, "110105")), "not masked"));
  CHECK(mentions(f.rejectionOf(f.withField(7, "")), "maskedIdNumber"));
  CHECK(mentions(f.rejectionOf(f.withField(7, "110105****002x")), "maskedIdNumber"));
  CHECK(mentions(f.rejectionOf(f.withField(8, "AAAA")), "documentDigest"));
  CHECK(mentions(f.rejectionOf(f.withField(9, "")), "signature"));
  CHECK(mentions(f.rejectionOf(f.withField(9, std::string(87, 'A'))), "signature"));
}

TEST_CASE("base64 that is not canonical base64url is malformed") {
  const Fixture f;
  const std::string sig = f.text.substr(f.text.rfind('.') + 1);
  REQUIRE(sig.size() == 86);
  CHECK(mentions(f.rejectionOf(f.withField(9, sig + "==")), "position"));   // padding
  std::string plus = sig;
  plus[3] = '+';
  CHECK(mentions(f.rejectionOf(f.withField(9, plus)), "position"));
  std::string slash = sig;
  slash[3] = '/';
  CHECK(mentions(f.rejectionOf(f.withField(9, slash)), "position"));
  // 64 bytes leave 4 unused bits in the last character: setting one is another text for
  // the same bytes, which a canonical decoder refuses.
  constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string loose = sig;
  loose.back() = alphabet[alphabet.find(loose.back()) ^ 1];  // the lowest unused bit
  CHECK(mentions(f.rejectionOf(f.withField(9, loose)), "signature"));
}

TEST_CASE("base64url decoding is strict and round-trips") {
  for (std::size_t n = 0; n < 70; ++n) {
    std::vector<std::uint8_t> bytes(n);
    for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<std::uint8_t>(i * 37 + n);
    const std::string text = base64urlEncode(bytes);
    CHECK(text.size() == base64urlLength(n));
    CHECK(base64urlDecode(text) == bytes);
  }
  CHECK(base64urlDecode("") == std::vector<std::uint8_t>{});
  CHECK_FALSE(base64urlDecode("A").has_value());       // no whole byte
  CHECK_FALSE(base64urlDecode("AB").has_value());      // unused bits set
  CHECK(base64urlDecode("AA").has_value());
  CHECK_FALSE(base64urlDecode("AA==").has_value());    // padding
  CHECK_FALSE(base64urlDecode("A A").has_value());
  CHECK_FALSE(base64urlDecode("+/8").has_value());
  CHECK(base64urlDecode("-_8") == std::vector<std::uint8_t>{0xfb, 0xff});
}

TEST_CASE("random and randomly damaged input never verifies and never crashes") {
  const Fixture f;
  std::mt19937 rng(20250115);
  constexpr std::string_view chars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.*";
  for (int i = 0; i < 5000; ++i) {
    std::string junk(rng() % 300, 'A');
    for (auto& c : junk) c = chars[rng() % chars.size()];
    CHECK_FALSE(verifySeal(junk, f.keys, kT0).valid());

    std::string damaged = f.text;
    const int changes = 2 + static_cast<int>(rng() % 6);
    for (int k = 0; k < changes; ++k) {
      damaged[rng() % damaged.size()] = static_cast<char>(rng() % 256);
    }
    if (damaged != f.text) CHECK_FALSE(verifySeal(damaged, f.keys, kT0).valid());
  }
}
