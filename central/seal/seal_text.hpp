#pragma once
// The seal text printed in the QR code: the canonical payload, '.', and the base64url
// Ed25519 signature over the payload's bytes. Parsing is strict: anything that is not the
// canonical form of some payload is rejected with a message naming the problem.
#include <string>
#include <string_view>

#include "seal/payload.hpp"
#include "seal/result.hpp"

namespace onestop::central::seal {

struct ParsedSeal {
  SealPayload payload;
  Signature signature{};
};

/// Precondition: checkPayload(payload) found nothing.
std::string encodeSeal(const SealPayload& payload, const Signature& signature);

/// Splits and checks a seal text. Says nothing about the signature: see verifier.hpp.
Result<ParsedSeal> parseSeal(std::string_view text);

}  // namespace onestop::central::seal
