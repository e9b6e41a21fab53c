#include "seal/verifier.hpp"

#include <sodium.h>

#include "seal/seal_text.hpp"
#include "seal/sodium_init.hpp"

namespace onestop::central::seal {

std::string_view sealStatusName(SealStatus status) {
  switch (status) {
    case SealStatus::Valid: return "valid";
    case SealStatus::Malformed: return "malformed";
    case SealStatus::UnknownKey: return "unknown_key";
    case SealStatus::KeyExpired: return "key_expired";
    case SealStatus::BadSignature: return "bad_signature";
    case SealStatus::Expired: return "expired";
  }
  return "malformed";
}

SealVerification verifySeal(std::string_view sealText, std::span<const PublicKey> keys,
                            Timestamp now) {
  auto parsed = parseSeal(sealText);
  if (!parsed) return {SealStatus::Malformed, std::nullopt, parsed.error()};
  const SealPayload& payload = parsed->payload;

  const PublicKey* key = findPublicKey(keys, payload.kid);
  if (key == nullptr) {
    return {SealStatus::UnknownKey, std::nullopt, "no public key with kid " + payload.kid};
  }
  if (now >= key->verifyUntil) {
    return {SealStatus::KeyExpired, std::nullopt,
            "key " + payload.kid + " stopped verifying at " + std::to_string(key->verifyUntil)};
  }

  ensureSodium();
  const std::string message = canonicalPayload(payload);
  if (crypto_sign_verify_detached(parsed->signature.data(),
                                  reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size(), key->key.data()) != 0) {
    return {SealStatus::BadSignature, std::nullopt,
            "signature does not match the payload for key " + payload.kid};
  }

  if (now >= payload.validUntil) {
    return {SealStatus::Expired, payload,
            "certificate " + payload.serial + " expired at " + std::to_string(payload.validUntil)};
  }
  return {SealStatus::Valid, payload, "certificate " + payload.serial + " is authentic"};
}

}  // namespace onestop::central::seal
