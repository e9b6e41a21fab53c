#pragma once
// Shared sample data for the seal tests: a fixed clock and a certificate request.
#include "seal/seal.hpp"

namespace onestop::central::seal::testing {

inline constexpr Timestamp kT0 = 1'736'900'000;  // 2025-01-15

inline SealRequest sampleRequest(Timestamp now = kT0, Timestamp validity = 90 * kDay) {
  SealRequest r;
  r.serial = "C2025011500000123";
  r.type = CertificateType::Participation;
  r.validUntil = now + validity;
  r.maskedName = "张*三";
  r.maskedIdNumber = "110105********002X";
  const DocumentField fields[] = {{"holder.internal_id", "c-000123"}, {"pension.months", "120"}};
  r.documentDigest = digestDocument(fields).value();
  return r;
}

/// A ring with one key that signs from kT0.
inline KeyRing freshRing(KeyPolicy policy = {}) {
  KeyRing ring(policy);
  ring.rotate(kT0);
  return ring;
}

}  // namespace onestop::central::seal::testing
