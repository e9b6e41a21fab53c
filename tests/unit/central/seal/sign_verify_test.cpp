#include <doctest/doctest.h>

#include "seal_fixtures.hpp"

using namespace onestop::central::seal;
using namespace onestop::central::seal::testing;

TEST_CASE("a sealed certificate verifies with the published key") {
  const KeyRing ring = freshRing();
  const auto seal = ring.seal(sampleRequest(), kT0);
  REQUIRE_MESSAGE(seal.ok(), seal.error());
  CHECK(seal->text.size() <= kMaxSealLength);
  CHECK(seal->text.starts_with("OSS1." + ring.signingKey(kT0)->kid() + ".C2025011500000123.P."));

  const auto keys = ring.publicKeys(kT0);
  const auto v = verifySeal(seal->text, keys, kT0 + 60);
  CHECK(v.status == SealStatus::Valid);
  CHECK(v.valid());
  REQUIRE(v.payload.has_value());
  CHECK(*v.payload == seal->payload);
  CHECK(v.payload->serial == "C2025011500000123");  // what the caller checks for revocation
  CHECK(v.payload->issuedAt == kT0);
  CHECK(v.payload->maskedName == "张*三");
}

TEST_CASE("changing any single byte of the seal text makes it fail") {
  const KeyRing ring = freshRing();
  const std::string text = ring.seal(sampleRequest(), kT0).value().text;
  const auto keys = ring.publicKeys(kT0);
  REQUIRE(verifySeal(text, keys, kT0).valid());

  std::size_t tried = 0;
  std::size_t reachedSignature = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    for (int value = 0; value < 256; ++value) {
      if (static_cast<char>(value) == text[pos]) continue;
      std::string tampered = text;
      tampered[pos] = static_cast<char>(value);
      const auto v = verifySeal(tampered, keys, kT0);
      ++tried;
      if (v.status == SealStatus::BadSignature) ++reachedSignature;
      if (v.valid() || v.payload.has_value()) {
        FAIL_CHECK("byte " << pos << " set to " << value << " still verifies");
      }
    }
  }
  CHECK(tried == text.size() * 255);
  CHECK(reachedSignature > 0);  // some changes parse and are caught by the signature itself
}

TEST_CASE("removing or adding a character makes it fail") {
  const KeyRing ring = freshRing();
  const std::string text = ring.seal(sampleRequest(), kT0).value().text;
  const auto keys = ring.publicKeys(kT0);
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    std::string shorter = text;
    shorter.erase(pos, 1);
    CHECK_FALSE(verifySeal(shorter, keys, kT0).valid());
    std::string longer = text;
    longer.insert(pos, 1, text[pos] == 'A' ? 'B' : 'A');
    CHECK_FALSE(verifySeal(longer, keys, kT0).valid());
  }
}

TEST_CASE("a seal checked against another key fails") {
  const KeyRing ring = freshRing();
  const KeyRing other = freshRing();
  const std::string text = ring.seal(sampleRequest(), kT0).value().text;

  SUBCASE("unknown kid") {
    const auto v = verifySeal(text, other.publicKeys(kT0), kT0);
    CHECK(v.status == SealStatus::UnknownKey);
    CHECK_FALSE(v.payload.has_value());
  }
  SUBCASE("same kid, different key") {
    PublicKey impostor = other.publicKeys(kT0).front();
    impostor.kid = ring.signingKey(kT0)->kid();
    const PublicKey keys[] = {impostor};
    const auto v = verifySeal(text, keys, kT0);
    CHECK(v.status == SealStatus::BadSignature);
    CHECK_FALSE(v.payload.has_value());
  }
  SUBCASE("no keys at all") {
    CHECK(verifySeal(text, {}, kT0).status == SealStatus::UnknownKey);
  }
}

TEST_CASE("a re-signed payload with changed fields is rejected") {
  // An attacker who changes the payload cannot make a matching signature.
  const KeyRing ring = freshRing();
  const Seal seal = ring.seal(sampleRequest(), kT0).value();
  ParsedSeal parsed = parseSeal(seal.text).value();
  parsed.payload.validUntil += 365 * kDay;
  const std::string forged = encodeSeal(parsed.payload, parsed.signature);
  const auto v = verifySeal(forged, ring.publicKeys(kT0), kT0);
  CHECK(v.status == SealStatus::BadSignature);
}

TEST_CASE("a certificate past its validity is reported as expired") {
  const KeyRing ring = freshRing();
  const SealRequest request = sampleRequest(kT0, 30 * kDay);
  const std::string text = ring.seal(request, kT0).value().text;
  const auto keys = ring.publicKeys(kT0);
  CHECK(verifySeal(text, keys, request.validUntil - 1).status == SealStatus::Valid);
  const auto v = verifySeal(text, keys, request.validUntil);
  CHECK(v.status == SealStatus::Expired);
  REQUIRE(v.payload.has_value());  // authentic: the date can be shown
  CHECK(v.payload->validUntil == request.validUntil);
}

TEST_CASE("sealing refuses requests that break the format or the policy") {
  const KeyRing ring = freshRing();
  SUBCASE("unmasked name") {
    SealRequest r = sampleRequest();
    r.maskedName = "张小三";
    const auto s = ring.seal(r, kT0);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().find("maskedName is not masked") != std::string::npos);
  }
  SUBCASE("unmasked ID number") {
    SealRequest r = sampleRequest();
    r.maskedIdNumber = "11010519491231002X";
    CHECK(ring.seal(r, kT0).error().find("maskedIdNumber is not masked") != std::string::npos);
  }
  SUBCASE("name too long for the QR code") {
    SealRequest r = sampleRequest();
    r.maskedName = "张" + std::string(40, '*');
    CHECK_FALSE(ring.seal(r, kT0).ok());
  }
  SUBCASE("serial with a separator") {
    SealRequest r = sampleRequest();
    r.serial = "C2025.01";
    CHECK(ring.seal(r, kT0).error().find("serial") != std::string::npos);
  }
  SUBCASE("validity longer than the key ring allows") {
    const auto s = ring.seal(sampleRequest(kT0, 367 * kDay), kT0);
    CHECK(s.error().find("longer than the key ring allows") != std::string::npos);
  }
  SUBCASE("validity already over") {
    CHECK_FALSE(ring.seal(sampleRequest(kT0, 0), kT0).ok());
  }
  SUBCASE("no key can sign") {
    const KeyRing empty;
    CHECK(empty.seal(sampleRequest(), kT0).error().find("rotate") != std::string::npos);
  }
}

TEST_CASE("the longest payload the limits allow still fits in 250 characters") {
  const KeyRing ring = freshRing();
  SealRequest r = sampleRequest();
  r.serial = std::string(kMaxSerialLength, 'Z');
  r.maskedName = "欧" + std::string(kMaxMaskedNameBytes - 6, '*') + "明";
  r.maskedIdNumber = "CAN" + std::string(kMaxMaskedIdLength - 3, '*');
  SealPayload p = ring.seal(r, kT0).value().payload;
  p.kid = std::string(kMaxKidLength, 'a');
  p.issuedAt = 9'999'999'998;
  p.validUntil = 9'999'999'999;
  REQUIRE_FALSE(checkPayload(p).has_value());
  const std::string text = encodeSeal(p, Signature{});
  CHECK(text.size() == kMaxSealLength);
  CHECK(parseSeal(text).ok());
}
