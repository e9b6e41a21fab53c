#pragma once
// The public half of the key ring, as served by GET /v1/keys and cached by kiosks:
//   {"keys":[{"kid":"3fa29c01","alg":"Ed25519","publicKey":"<base64url, 32 bytes>",
//             "notBefore":1736900000,"verifyUntil":1800000000}]}
// Times are epoch seconds. A verifier ignores keys whose alg it does not know, so a later
// algorithm can be published alongside Ed25519.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "seal/payload.hpp"
#include "seal/result.hpp"

namespace onestop::central::seal {

struct PublicKey {
  std::string kid;
  PublicKeyBytes key{};
  Timestamp notBefore = 0;    ///< when the key was made
  Timestamp verifyUntil = 0;  ///< seals of this key are no longer accepted from then on

  bool operator==(const PublicKey&) const = default;
};

std::string publicKeysToJson(std::span<const PublicKey> keys);

/// Strict about every key it accepts (kid, key length, times; no duplicate kid); skips
/// keys of another alg. Input over 1 MiB is refused.
Result<std::vector<PublicKey>> publicKeysFromJson(std::string_view json);

/// The key with this kid, or null.
const PublicKey* findPublicKey(std::span<const PublicKey> keys, std::string_view kid);

}  // namespace onestop::central::seal
