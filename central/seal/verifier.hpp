#pragma once
// Checking a seal against a set of public keys, offline. Revocation is not checked here:
// the caller holds the revocation list and looks up payload->serial.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "seal/payload.hpp"
#include "seal/public_keys.hpp"

namespace onestop::central::seal {

enum class SealStatus {
  Valid,         ///< authentic and within its validity
  Malformed,     ///< not a seal in this format (see message)
  UnknownKey,    ///< no key with this kid in the set
  KeyExpired,    ///< the key's verifyUntil has passed: its seals are no longer evidence
  BadSignature,  ///< the signature does not match the payload: forged or altered
  Expired,       ///< authentic, but the certificate's validity is over
};

/// "valid" | "malformed" | "unknown_key" | "key_expired" | "bad_signature" | "expired"
std::string_view sealStatusName(SealStatus status);

struct SealVerification {
  SealStatus status = SealStatus::Malformed;
  /// Set only once the signature checked out (Valid and Expired), so nothing unverified
  /// is ever shown as fact.
  std::optional<SealPayload> payload;
  std::string message;  ///< why, for the log; never personal data

  bool valid() const { return status == SealStatus::Valid; }
};

/// Checks in this order: format, key id, key expiry, signature, certificate validity.
/// The signature is verified over the payload re-serialised from the parsed fields.
SealVerification verifySeal(std::string_view sealText, std::span<const PublicKey> keys,
                            Timestamp now);

}  // namespace onestop::central::seal
