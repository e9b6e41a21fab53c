#include <doctest/doctest.h>

#include "seal_fixtures.hpp"

using namespace onestop::central::seal;
using namespace onestop::central::seal::testing;

// The test vector printed in docs/seal.md, checked independently with Python's
// cryptography package. Ed25519 is deterministic, so a fixed seed and payload give one
// fixed seal: a change here is a change of the format.
namespace {

constexpr std::string_view kVectorSeal =
    "OSS1.k2025a.C2025011500000123.P.1736900000.1744676000.5bygKuS4iQ.110105********002X."
    "-7reftFdBWDQo2lHqBm9XQ."
    "TtJDTekDZojgXZSH-6h_4KHI7hoNSdyqEBKFFUYd32uVQsjmNbQMDa5B41ZisOsr7AisoHawz6nNco62nSMgBQ";
constexpr std::string_view kVectorPublicKey = "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg";

std::vector<std::uint8_t> vectorSeed() {
  std::vector<std::uint8_t> seed(32);
  for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(i);
  return seed;
}

KeyRing vectorRing() {
  KeyRing ring;
  const KeyTimes times{kT0, kT0 + 365 * kDay, kT0 + 731 * kDay};
  auto key = SigningKey::fromSeed("k2025a", vectorSeed(), times);
  REQUIRE(key.ok());
  REQUIRE(ring.add(std::move(key.value())).ok());
  return ring;
}

}  // namespace

TEST_CASE("the documented test vector") {
  const KeyRing ring = vectorRing();
  const Seal seal = ring.seal(sampleRequest(), kT0).value();
  CHECK(seal.text == kVectorSeal);
  CHECK(seal.text.size() == 193);
  CHECK(base64urlEncode(ring.keys().front().publicKey()) == kVectorPublicKey);
  // A verifier that has only the published JSON accepts it.
  const auto keys = publicKeysFromJson(R"({"keys":[{"kid":"k2025a","alg":"Ed25519","publicKey":")" +
                                       std::string(kVectorPublicKey) +
                                       R"(","notBefore":1736900000,"verifyUntil":1800058400}]})");
  REQUIRE(keys.ok());
  CHECK(verifySeal(kVectorSeal, keys.value(), kT0).valid());
}
