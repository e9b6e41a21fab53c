#include "sync/trust.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

namespace onestop::sync {

namespace {

using X509Ptr = std::unique_ptr<X509, void (*)(X509*)>;

core::Result<X509Ptr> readCertificate(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) return core::Error{"cannot read " + path};
  X509Ptr cert(PEM_read_X509(file.get(), nullptr, nullptr, nullptr), X509_free);
  if (!cert) return core::Error{path + ": not a PEM certificate"};
  return cert;
}

}  // namespace

core::Result<std::string> certificateCommonName(const std::string& certificatePemPath) {
  auto cert = readCertificate(certificatePemPath);
  if (!cert) return core::Error{cert.error()};
  char cn[256] = {};
  const int n = X509_NAME_get_text_by_NID(X509_get_subject_name(cert->get()), NID_commonName, cn, sizeof cn);
  if (n <= 0) return core::Error{certificatePemPath + ": no common name"};
  const std::string name(cn, static_cast<std::size_t>(n));
  // Printed on paper: plain printable ASCII only.
  for (const char c : name)
    if (c < 0x21 || c > 0x7e) return core::Error{certificatePemPath + ": common name is not a plain terminal id"};
  return name;
}

core::Result<std::string> publicKeyPin(const std::string& certificatePemPath) {
  auto read = readCertificate(certificatePemPath);
  if (!read) return core::Error{read.error()};
  const X509Ptr& cert = read.value();
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
