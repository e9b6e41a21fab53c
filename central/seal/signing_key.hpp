#pragma once
// One Ed25519 signing key with its life cycle: it signs from `created` until `signUntil`,
// and its seals verify until `verifyUntil` (after the last certificate it signed expired).
// The secret is wiped when the key is destroyed or moved from.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "seal/payload.hpp"
#include "seal/public_keys.hpp"
#include "seal/result.hpp"

namespace onestop::central::seal {

inline constexpr std::size_t kSeedBytes = 32;

struct KeyTimes {
  Timestamp created = 0;
  Timestamp signUntil = 0;    ///< signs while created <= now < signUntil
  Timestamp verifyUntil = 0;  ///< its seals verify while now < verifyUntil
};

class SigningKey {
 public:
  /// A fresh random key. Precondition: isValidKid(kid).
  static SigningKey generate(std::string kid, KeyTimes times);
  /// The key derived from a stored seed (see seed()).
  static Result<SigningKey> fromSeed(std::string kid, std::span<const std::uint8_t> seed,
                                     KeyTimes times);

  SigningKey(SigningKey&& other) noexcept;
  SigningKey& operator=(SigningKey&& other) noexcept;
  SigningKey(const SigningKey&) = delete;
  SigningKey& operator=(const SigningKey&) = delete;
  ~SigningKey();

  const std::string& kid() const { return kid_; }
  const KeyTimes& times() const { return times_; }
  const PublicKeyBytes& publicKey() const { return publicKey_; }
  bool canSign(Timestamp now) const { return times_.created <= now && now < times_.signUntil; }
  PublicKey publicPart() const;

  Signature sign(std::string_view message) const;

  /// The 32 secret bytes the key is derived from; only the key store should read them.
  std::span<const std::uint8_t, kSeedBytes> seed() const;

  /// Ends signing at `now` (rotation) and shortens verifyUntil to now + maxValidity.
  void retire(Timestamp now, Timestamp maxValidity);

 private:
  SigningKey() = default;
  void wipe() noexcept;

  std::string kid_;
  KeyTimes times_;
  PublicKeyBytes publicKey_{};
  std::array<std::uint8_t, 64> secret_{};  // libsodium layout: seed, then public key
};

}  // namespace onestop::central::seal
