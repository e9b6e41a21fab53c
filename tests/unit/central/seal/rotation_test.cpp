#include <doctest/doctest.h>

#include "seal_fixtures.hpp"

using namespace onestop::central::seal;
using namespace onestop::central::seal::testing;

TEST_CASE("after rotation old seals verify until the old key's verifyUntil") {
  const KeyPolicy policy{365 * kDay, 366 * kDay};
  KeyRing ring = freshRing(policy);
  const std::string oldKid = ring.signingKey(kT0)->kid();
  const SealRequest oldRequest = sampleRequest(kT0, 200 * kDay);
  const std::string oldSeal = ring.seal(oldRequest, kT0).value().text;

  const Timestamp t1 = kT0 + 100 * kDay;
  const std::string newKid = ring.rotate(t1).kid();
  CHECK(newKid != oldKid);
  REQUIRE(ring.keys().size() == 2);
  const SigningKey& oldKey = ring.keys().front();
  CHECK(oldKey.times().signUntil == t1);
  CHECK(oldKey.times().verifyUntil == t1 + policy.maxValidity);
  CHECK_FALSE(oldKey.canSign(t1));

  SUBCASE("new seals use the new key") {
    const Seal seal = ring.seal(sampleRequest(t1), t1).value();
    CHECK(seal.payload.kid == newKid);
    CHECK(verifySeal(seal.text, ring.publicKeys(t1), t1 + 1).valid());
  }
  SUBCASE("both keys are published") {
    const auto keys = ring.publicKeys(t1);
    REQUIRE(keys.size() == 2);
    CHECK(findPublicKey(keys, oldKid) != nullptr);
    CHECK(findPublicKey(keys, newKid) != nullptr);
    CHECK(findPublicKey(keys, oldKid)->verifyUntil == t1 + policy.maxValidity);
  }
  SUBCASE("the old seal: valid, then expired, then its key expired") {
    const auto keys = ring.publicKeys(t1);
    CHECK(verifySeal(oldSeal, keys, t1 + 1).status == SealStatus::Valid);
    CHECK(verifySeal(oldSeal, keys, oldRequest.validUntil).status == SealStatus::Expired);
    const Timestamp keyEnd = t1 + policy.maxValidity;
    CHECK(verifySeal(oldSeal, keys, keyEnd - 1).status == SealStatus::Expired);
    const auto v = verifySeal(oldSeal, keys, keyEnd);
    CHECK(v.status == SealStatus::KeyExpired);
    CHECK_FALSE(v.payload.has_value());
  }
  SUBCASE("the old key leaves the published set and the ring at verifyUntil") {
    const Timestamp keyEnd = t1 + policy.maxValidity;
    CHECK(ring.publicKeys(keyEnd - 1).size() == 2);
    CHECK(ring.publicKeys(keyEnd).size() == 1);
    CHECK(ring.prune(keyEnd - 1) == 0);
    CHECK(ring.prune(keyEnd) == 1);
    REQUIRE(ring.keys().size() == 1);
    CHECK(ring.keys().front().kid() == newKid);
    CHECK(verifySeal(oldSeal, ring.publicKeys(keyEnd), keyEnd).status == SealStatus::UnknownKey);
  }
}

TEST_CASE("a seal never outlives its key") {
  // Whatever the moment of rotation, every certificate a key signed expires before the key.
  const KeyPolicy policy{30 * kDay, 60 * kDay};
  KeyRing ring = freshRing(policy);
  for (Timestamp t = kT0; t < kT0 + 200 * kDay; t += 7 * kDay + 3600) {
    ring.rotateIfDue(t);
    const Seal seal = ring.seal(sampleRequest(t, policy.maxValidity), t).value();
    if ((t / kDay) % 3 == 0) ring.rotate(t + 1);
    for (const auto& key : ring.keys()) {
      if (key.kid() == seal.payload.kid) CHECK(seal.payload.validUntil <= key.times().verifyUntil);
    }
  }
}

TEST_CASE("rotateIfDue rotates only when no key can sign") {
  const KeyPolicy policy{30 * kDay, 60 * kDay};
  KeyRing ring(policy);
  CHECK(ring.signingKey(kT0) == nullptr);
  CHECK(ring.rotateIfDue(kT0));
  CHECK_FALSE(ring.rotateIfDue(kT0 + 30 * kDay - 1));
  CHECK(ring.signingKey(kT0 + 30 * kDay) == nullptr);  // sign period over
  CHECK(ring.rotateIfDue(kT0 + 30 * kDay));
  CHECK(ring.keys().size() == 2);
  CHECK(ring.keys()[1].canSign(kT0 + 30 * kDay));
  CHECK(ring.keys()[0].times().verifyUntil == kT0 + 90 * kDay);
}

TEST_CASE("keys added to a ring are checked") {
  KeyRing ring;
  CHECK(ring.add(SigningKey::generate("k1", {0, 10, 20})).ok());
  CHECK(ring.add(SigningKey::generate("k1", {0, 10, 20})).error().find("already") !=
        std::string::npos);
  CHECK_FALSE(ring.add(SigningKey::generate("K2", {0, 10, 20})).ok());
  CHECK_FALSE(ring.add(SigningKey::generate("k3", {0, 30, 20})).ok());
}

TEST_CASE("a moved-from signing key holds no secret") {
  SigningKey key = SigningKey::generate("k1", {0, 10, 20});
  const auto seedBefore = std::vector<std::uint8_t>(key.seed().begin(), key.seed().end());
  SigningKey moved = std::move(key);
  const auto seedAfter = std::vector<std::uint8_t>(moved.seed().begin(), moved.seed().end());
  CHECK(seedAfter == seedBefore);
  bool zero = true;
  for (auto b : key.seed()) zero = zero && b == 0;  // NOLINT(bugprone-use-after-move)
  CHECK(zero);
}
