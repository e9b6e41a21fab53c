#pragma once
// Demo electronic social security card (e-SSC) login tokens: the text a citizen's phone
// would show as a QR code. Derived from public inputs, so they are for demos and load
// tests only; the database keeps only their SHA-256 (table essc_tokens).
#include <cstdint>
#include <string>
#include <string_view>

namespace onestop::central::demo {

/// Far-future expiry of demo tokens: 2100-01-01T00:00:00Z.
inline constexpr std::int64_t kDemoEsscExpiresAt = 4102444800;

/// "ESSC1." + 32 upper-case hex characters derived from the people.json key.
std::string demoEsscToken(std::string_view key);

/// The token of synthetic person `index` generated from `seed` (for load tests).
std::string syntheticEsscToken(std::uint64_t seed, std::int64_t index);

/// Lowercase hex SHA-256 of the token's bytes: what essc_tokens.token_hash holds.
std::string esscTokenHash(std::string_view token);

}  // namespace onestop::central::demo
