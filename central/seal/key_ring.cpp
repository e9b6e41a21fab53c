#include "seal/key_ring.hpp"

#include <sodium.h>

#include <algorithm>

#include "seal/seal_text.hpp"
#include "seal/sodium_init.hpp"

namespace onestop::central::seal {

KeyRing::KeyRing(KeyPolicy policy) : policy_(policy) {}

const SigningKey* KeyRing::signingKey(Timestamp now) const {
  const SigningKey* best = nullptr;
  for (const auto& key : keys_) {
    if (key.canSign(now) && (best == nullptr || key.times().created > best->times().created)) {
      best = &key;
    }
  }
  return best;
}

std::string KeyRing::newKid() const {
  ensureSodium();
  static constexpr char hex[] = "0123456789abcdef";
  while (true) {
    std::string kid;
    for (int i = 0; i < 8; ++i) kid.push_back(hex[randombytes_uniform(16)]);
    const bool taken = std::any_of(keys_.begin(), keys_.end(),
                                   [&](const SigningKey& key) { return key.kid() == kid; });
    if (!taken) return kid;
  }
}

const SigningKey& KeyRing::rotate(Timestamp now) {
  for (auto& key : keys_) key.retire(now, policy_.maxValidity);
  const Timestamp signUntil = now + policy_.signPeriod;
  const KeyTimes times{now, signUntil, signUntil + policy_.maxValidity};
  keys_.push_back(SigningKey::generate(newKid(), times));
  return keys_.back();
}

bool KeyRing::rotateIfDue(Timestamp now) {
  if (signingKey(now) != nullptr) return false;
  rotate(now);
  return true;
}

Result<Seal> KeyRing::seal(const SealRequest& request, Timestamp now) const {
  const SigningKey* key = signingKey(now);
  if (key == nullptr) return Error{"no key can sign now: rotate the key ring"};
  if (request.validUntil <= now) return Error{"validUntil must be later than the issue time"};
  if (request.validUntil - now > policy_.maxValidity ||
      request.validUntil > key->times().verifyUntil) {
    return Error{"validity is longer than the key ring allows (" +
                 std::to_string(policy_.maxValidity / kDay) + " days)"};
  }
  Seal out;
  out.payload = SealPayload{key->kid(),           request.serial,         request.type,
                            now,                  request.validUntil,     request.maskedName,
                            request.maskedIdNumber, request.documentDigest};
  if (auto problem = checkPayload(out.payload)) return Error{"cannot seal: " + *problem};
  out.text = encodeSeal(out.payload, key->sign(canonicalPayload(out.payload)));
  return out;
}

std::vector<PublicKey> KeyRing::publicKeys(Timestamp now) const {
  std::vector<PublicKey> out;
  for (const auto& key : keys_) {
    if (now < key.times().verifyUntil) out.push_back(key.publicPart());
  }
  return out;
}

std::size_t KeyRing::prune(Timestamp now) {
  return std::erase_if(keys_,
                       [&](const SigningKey& key) { return key.times().verifyUntil <= now; });
}

Result<Done> KeyRing::add(SigningKey key) {
  if (!isValidKid(key.kid())) return Error{"key id is not 1-12 characters of [a-z0-9-]"};
  const auto& t = key.times();
  if (!(t.created <= t.signUntil && t.signUntil <= t.verifyUntil)) {
    return Error{"key " + key.kid() + ": times must satisfy created <= signUntil <= verifyUntil"};
  }
  for (const auto& existing : keys_) {
    if (existing.kid() == key.kid()) return Error{"key " + key.kid() + " is already in the ring"};
  }
  keys_.push_back(std::move(key));
  return Done{};
}

}  // namespace onestop::central::seal
