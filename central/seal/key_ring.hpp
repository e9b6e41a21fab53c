#pragma once
// The server's signing keys. One key signs at a time; rotate() makes a new one and the old
// key stops signing but keeps verifying until every certificate it signed has expired
// (its verifyUntil = the moment it stopped signing + KeyPolicy::maxValidity).
//
// Threads: seal(), signingKey() and publicKeys() only read and may run concurrently;
// rotate(), rotateIfDue(), prune() and add() need exclusive access. After changing the
// ring, save it (key_store.hpp) before sealing with a new key, so that no certificate is
// ever signed by a key that a restart would lose.
#include <string>
#include <vector>

#include "seal/payload.hpp"
#include "seal/public_keys.hpp"
#include "seal/result.hpp"
#include "seal/signing_key.hpp"

namespace onestop::central::seal {

inline constexpr Timestamp kDay = 86'400;

struct KeyPolicy {
  Timestamp signPeriod = 365 * kDay;   ///< a key signs at most this long (rotateIfDue)
  Timestamp maxValidity = 366 * kDay;  ///< the longest certificate validity allowed
};

/// What the server puts into a seal; the ring adds the key id and the issue time.
struct SealRequest {
  std::string serial;
  CertificateType type = CertificateType::Participation;
  Timestamp validUntil = 0;
  std::string maskedName;
  std::string maskedIdNumber;
  DocumentDigest documentDigest{};
};

struct Seal {
  SealPayload payload;
  std::string text;  ///< for the QR code
};

class KeyRing {
 public:
  explicit KeyRing(KeyPolicy policy = {});

  const KeyPolicy& policy() const { return policy_; }
  const std::vector<SigningKey>& keys() const { return keys_; }

  /// The key that signs at `now` (the newest that can), or null.
  const SigningKey* signingKey(Timestamp now) const;

  /// Retires every key that still signs and adds a new one that signs from `now`.
  const SigningKey& rotate(Timestamp now);
  /// Rotates when no key can sign at `now` (first start, or the sign period is over).
  bool rotateIfDue(Timestamp now);

  /// Signs a certificate issued at `now`. Fails when no key can sign, when a field breaks
  /// the seal format, or when validUntil is not within (now, now + maxValidity].
  Result<Seal> seal(const SealRequest& request, Timestamp now) const;

  /// The public keys whose seals still verify at `now` (for GET /v1/keys).
  std::vector<PublicKey> publicKeys(Timestamp now) const;

  /// Drops keys whose seals no longer verify; returns how many.
  std::size_t prune(Timestamp now);

  /// Adds a loaded key; fails on a duplicate or invalid kid or inconsistent times.
  Result<Done> add(SigningKey key);

 private:
  std::string newKid() const;

  KeyPolicy policy_;
  std::vector<SigningKey> keys_;
};

}  // namespace onestop::central::seal
