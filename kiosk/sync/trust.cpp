#include "sync/trust.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

namespace onestop::sync {

core::Result<std::string> publicKeyPin(const std::string& certificatePemPath) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(certificatePemPath.c_str(), "rb"), std::fclose);
  if (!file) return core::Error{"cannot read " + certificatePemPath};
  std::unique_ptr<X509, void (*)(X509*)> cert(PEM_read_X509(file.get(), nullptr, nullptr, nullptr), X509_free);
  if (!cert) return core::Error{certificatePemPath + ": not a PEM certificate"};
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(X509_get0_pubkey(cert.get()), &der);
  if (len <= 0) return core::Error{certificatePemPath + ": cannot encode its public key"};
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(der, static_cast<size_t>(len), digest);
  OPENSSL_free(der);
  unsigned char b64[64];
  const int n = EVP_EncodeBlock(b64, digest, SHA256_DIGEST_LENGTH);
  return "sha256//" + std::string(reinterpret_cast<char*>(b64), static_cast<size_t>(n));
}

std::optional<std::string> checkTrust(const TrustConfig& t) {
  if (t.serverUrl.rfind("https://", 0) != 0) return "server URL must start with https:// (got '" + t.serverUrl + "')";
  for (const auto* path : {&t.caCert, &t.clientCert, &t.clientKey})
    if (path->empty() || !std::filesystem::is_regular_file(*path)) return "missing file '" + *path + "'";
  for (const auto& pin : t.pins)
    if (pin.rfind("sha256//", 0) != 0 || pin.size() != 8 + 44)
      return "pin '" + pin + "' is not sha256//<44 base64 characters>";
  return std::nullopt;
}

}  // namespace onestop::sync
