#include "seal/signing_key.hpp"

#include <sodium.h>

#include <algorithm>

#include "seal/sodium_init.hpp"

namespace onestop::central::seal {

static_assert(crypto_sign_SECRETKEYBYTES == 64 && crypto_sign_PUBLICKEYBYTES == kPublicKeyBytes &&
              crypto_sign_BYTES == kSignatureBytes && crypto_sign_SEEDBYTES == kSeedBytes);

SigningKey SigningKey::generate(std::string kid, KeyTimes times) {
  ensureSodium();
  SigningKey key;
  key.kid_ = std::move(kid);
  key.times_ = times;
  crypto_sign_keypair(key.publicKey_.data(), key.secret_.data());
  return key;
}

Result<SigningKey> SigningKey::fromSeed(std::string kid, std::span<const std::uint8_t> seed,
                                        KeyTimes times) {
  if (seed.size() != kSeedBytes) {
    return Error{"key " + kid + ": seed is " + std::to_string(seed.size()) + " bytes; expected 32"};
  }
  ensureSodium();
  SigningKey key;
  key.kid_ = std::move(kid);
  key.times_ = times;
  crypto_sign_seed_keypair(key.publicKey_.data(), key.secret_.data(), seed.data());
  return key;
}

SigningKey::SigningKey(SigningKey&& other) noexcept
    : kid_(std::move(other.kid_)), times_(other.times_), publicKey_(other.publicKey_),
      secret_(other.secret_) {
  other.wipe();
}

SigningKey& SigningKey::operator=(SigningKey&& other) noexcept {
  if (this != &other) {
    wipe();
    kid_ = std::move(other.kid_);
    times_ = other.times_;
    publicKey_ = other.publicKey_;
    secret_ = other.secret_;
    other.wipe();
  }
  return *this;
}

SigningKey::~SigningKey() { wipe(); }

void SigningKey::wipe() noexcept { sodium_memzero(secret_.data(), secret_.size()); }

PublicKey SigningKey::publicPart() const {
  return PublicKey{kid_, publicKey_, times_.created, times_.verifyUntil};
}

Signature SigningKey::sign(std::string_view message) const {
  Signature signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_.data());
  return signature;
}

std::span<const std::uint8_t, kSeedBytes> SigningKey::seed() const {
  return std::span<const std::uint8_t, kSeedBytes>(secret_.data(), kSeedBytes);
}

void SigningKey::retire(Timestamp now, Timestamp maxValidity) {
  if (times_.signUntil <= now) return;  // already stopped signing
  times_.signUntil = std::max(now, times_.created);
  times_.verifyUntil = std::min(times_.verifyUntil, times_.signUntil + maxValidity);
}

}  // namespace onestop::central::seal
