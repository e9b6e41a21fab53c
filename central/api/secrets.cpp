#include "api/secrets.hpp"

#include <array>

#include <sodium.h>

namespace onestop::central::api {
namespace {
struct SodiumInit {
  SodiumInit() {
    if (sodium_init() < 0) std::abort();   // no randomness source: nothing safe can run
  }
};
void ensureSodium() { static SodiumInit init; }
}  // namespace

std::string randomToken() {
  ensureSodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  sodium_memzero(bytes.data(), bytes.size());
  return out;
}

std::string randomDigits(int digits) {
  ensureSodium();
  std::string out;
  for (int i = 0; i < digits; ++i) out += static_cast<char>('0' + randombytes_uniform(10));
  return out;
}

std::string sha256Hex(std::string_view data) {
  ensureSodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

bool equalSecrets(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace onestop::central::api
