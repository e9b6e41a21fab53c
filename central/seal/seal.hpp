#pragma once
// Certificate seals: the signed, compact text in a certificate's QR code, the key ring
// that signs it, the public keys that verify it, and the numeric verification code.
// The format is specified in docs/seal.md.
//
//   server:   KeyRing ring = openKeyRing(dir, policy, now).value();
//             Seal s = ring.seal({serial, type, validUntil, maskedName, maskedId,
//                                 digestDocument(fields).value()}, now).value();
//             GET /v1/keys -> publicKeysToJson(ring.publicKeys(now))
//   verifier: auto keys = publicKeysFromJson(cachedJson);
//             SealVerification v = verifySeal(text, keys.value(), now);
//             if (v.valid() && !revoked(v.payload->serial)) ...
#include "seal/base64url.hpp"
#include "seal/document_digest.hpp"
#include "seal/key_ring.hpp"
#include "seal/key_store.hpp"
#include "seal/payload.hpp"
#include "seal/public_keys.hpp"
#include "seal/result.hpp"
#include "seal/seal_text.hpp"
#include "seal/signing_key.hpp"
#include "seal/verification_code.hpp"
#include "seal/verifier.hpp"
