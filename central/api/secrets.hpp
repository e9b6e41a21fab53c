#pragma once
// Random identifiers and hashes for the API (libsodium).
#include <string>
#include <string_view>

namespace onestop::central::api {

/// A session or e-SSC style bearer token: 32 random bytes, base64url.
std::string randomToken();
/// `digits` random decimal digits (uniform).
std::string randomDigits(int digits);
/// Lower-case hex SHA-256; tokens are stored only as this.
std::string sha256Hex(std::string_view data);
/// Constant-time comparison of equal-length secrets.
bool equalSecrets(std::string_view a, std::string_view b);

}  // namespace onestop::central::api
