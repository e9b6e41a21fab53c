#include "http/tls_context.hpp"

#include <filesystem>
#include <system_error>
#include <vector>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "http/handshake_log.hpp"
#include "http/openssl_util.hpp"

namespace onestop::central::http {
namespace {

using core::Error;
using core::Result;
using ossl::BioPtr;
using ossl::CrlPtr;
using ossl::X509Ptr;

// TLS 1.2 suites: ECDHE for forward secrecy, AEAD only. TLS 1.3 suites are all AEAD.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
    "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305";

// Agency CA -> kiosk leaf, with room for intermediates the agency may add.
constexpr int kMaxChainDepth = 4;

std::string describe(const std::string& role, const std::string& path) { return role + " '" + path + "'"; }

/// Why `path` cannot be read as a file, or nullopt when it can be opened.
std::optional<Error> checkReadable(const std::string& role, const std::string& path) {
  if (path.empty()) return Error{role + ": no file given"};
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) return Error{describe(role, path) + ": no such file"};
  if (!std::filesystem::is_regular_file(status)) return Error{describe(role, path) + ": not a regular file"};
  return std::nullopt;
}

Result<BioPtr> openFile(const std::string& role, const std::string& path) {
  if (auto problem = checkReadable(role, path)) return *problem;
  BioPtr bio(BIO_new_file(path.c_str(), "r"));
  if (!bio) return Error{describe(role, path) + ": cannot open (" + ossl::takeErrors() + ")"};
  return bio;
}

/// True when the PEM reader stopped because there were no more PEM blocks, not on an error.
bool endOfPem() {
  const unsigned long last = ERR_peek_last_error();
  const bool clean = last == 0 || (ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE);
  if (clean) ERR_clear_error();
  return clean;
}

Result<std::vector<X509Ptr>> readCertificates(const std::string& role, const std::string& path) {
  auto bio = openFile(role, path);
  if (!bio) return Error{bio.error()};
  std::vector<X509Ptr> certs;
  while (X509* cert = PEM_read_bio_X509(bio->get(), nullptr, nullptr, nullptr)) certs.emplace_back(cert);
  if (!endOfPem()) return Error{describe(role, path) + ": bad PEM certificate (" + ossl::takeErrors() + ")"};
  if (certs.empty()) return Error{describe(role, path) + ": no PEM certificate in the file"};
  return certs;
}

Result<std::vector<CrlPtr>> readCrls(const std::string& role, const std::string& path) {
  auto bio = openFile(role, path);
  if (!bio) return Error{bio.error()};
  std::vector<CrlPtr> crls;
  while (X509_CRL* crl = PEM_read_bio_X509_CRL(bio->get(), nullptr, nullptr, nullptr)) crls.emplace_back(crl);
  if (!endOfPem()) return Error{describe(role, path) + ": bad PEM CRL (" + ossl::takeErrors() + ")"};
  if (crls.empty()) return Error{describe(role, path) + ": no PEM X509 CRL in the file"};
  return crls;
}

std::string nameOf(const X509* cert) {
  return ossl::singleEntry(X509_get_subject_name(cert), NID_commonName).value_or("unnamed");
}

std::optional<Error> checkCurrent(const std::string& what, const X509* cert) {
  if (X509_cmp_current_time(X509_get0_notBefore(cert)) > 0)
    return Error{what + ": not valid before " + ossl::timeText(X509_get0_notBefore(cert))};
  if (X509_cmp_current_time(X509_get0_notAfter(cert)) < 0)
    return Error{what + ": expired on " + ossl::timeText(X509_get0_notAfter(cert))};
  return std::nullopt;
}

/// Trusts only the agency CA(s) in `path` (a fresh store: no system CAs) and advertises
/// them to clients as the acceptable issuers. Returns the CA certificates for the CRL check.
Result<std::vector<X509Ptr>> trustAgencyCa(SSL_CTX& ctx, const std::string& path) {
  auto cas = readCertificates("caCert", path);
  if (!cas) return Error{cas.error()};
  X509_STORE* store = X509_STORE_new();
  STACK_OF(X509_NAME)* issuers = sk_X509_NAME_new_null();
  if (store == nullptr || issuers == nullptr) {
    X509_STORE_free(store);
    sk_X509_NAME_free(issuers);
    return Error{"caCert: out of memory"};
  }
  SSL_CTX_set_cert_store(&ctx, store);        // ctx owns the store from here
  SSL_CTX_set_client_CA_list(&ctx, issuers);  // … and the list
  for (const auto& ca : cas.value()) {
    const std::string what = describe("caCert", path) + " certificate '" + nameOf(ca.get()) + "'";
    if (X509_check_ca(ca.get()) == 0) return Error{what + ": not a CA certificate (basicConstraints CA:FALSE)"};
    if (auto problem = checkCurrent(what, ca.get())) return *problem;
    if (X509_STORE_add_cert(store, ca.get()) != 1) return Error{what + ": " + ossl::takeErrors()};
    X509_NAME* name = X509_NAME_dup(X509_get_subject_name(ca.get()));
    if (name == nullptr || sk_X509_NAME_push(issuers, name) == 0) {
      X509_NAME_free(name);
      return Error{"caCert: out of memory"};
    }
  }
  return cas;
}

std::optional<Error> useServerIdentity(SSL_CTX& ctx, const TlsFiles& files) {
  if (auto problem = checkReadable("serverCert", files.serverCert)) return problem;
  if (auto problem = checkReadable("serverKey", files.serverKey)) return problem;
  if (SSL_CTX_use_certificate_chain_file(&ctx, files.serverCert.c_str()) != 1)
    return Error{describe("serverCert", files.serverCert) + ": " + ossl::takeErrors()};
  if (auto problem = checkCurrent(describe("serverCert", files.serverCert), SSL_CTX_get0_certificate(&ctx)))
    return problem;
  const std::string mismatch =
      describe("serverKey", files.serverKey) + ": does not match serverCert '" + files.serverCert + "'";
  if (SSL_CTX_use_PrivateKey_file(&ctx, files.serverKey.c_str(), SSL_FILETYPE_PEM) != 1) {
    // OpenSSL checks the pair as it loads the key.
    const unsigned long first = ERR_peek_error();
    if (ERR_GET_LIB(first) == ERR_LIB_X509 && ERR_GET_REASON(first) == X509_R_KEY_VALUES_MISMATCH) {
      ERR_clear_error();
      return Error{mismatch};
    }
    return Error{describe("serverKey", files.serverKey) + ": not a usable PEM private key (" + ossl::takeErrors() +
                 ")"};
  }
  if (SSL_CTX_check_private_key(&ctx) != 1) {
    ERR_clear_error();
    return Error{mismatch};
  }
  return std::nullopt;
}

/// Adds the CRLs after checking that each is signed by one of the agency CAs and current,
/// and that every agency CA has one (otherwise OpenSSL refuses all of its clients).
std::optional<Error> checkRevocation(SSL_CTX& ctx, const std::string& path, const std::vector<X509Ptr>& cas) {
  auto crls = readCrls("crl", path);
  if (!crls) return Error{crls.error()};
  X509_STORE* store = SSL_CTX_get_cert_store(&ctx);
  std::vector<bool> covered(cas.size(), false);
  for (const auto& crl : crls.value()) {
    const X509_NAME* issuer = X509_CRL_get_issuer(crl.get());
    bool signedByAgency = false;
    for (std::size_t i = 0; i < cas.size() && !signedByAgency; ++i) {
      if (X509_NAME_cmp(issuer, X509_get_subject_name(cas[i].get())) != 0) continue;
      signedByAgency = X509_CRL_verify(crl.get(), X509_get0_pubkey(cas[i].get())) == 1;
      covered[i] = covered[i] || signedByAgency;
    }
    ERR_clear_error();
    const std::string issuerName = ossl::singleEntry(issuer, NID_commonName).value_or("unnamed");
    if (!signedByAgency)
      return Error{describe("crl", path) + ": CRL of '" + issuerName + "' is not signed by a CA in caCert"};
    const ASN1_TIME* nextUpdate = X509_CRL_get0_nextUpdate(crl.get());
    if (nextUpdate != nullptr && X509_cmp_current_time(nextUpdate) < 0)
      return Error{describe("crl", path) + ": CRL of '" + issuerName + "' expired on " +
                   ossl::timeText(nextUpdate) + "; issue a fresh one (make-dev-pki.sh renews the dev CRL)"};
    if (X509_STORE_add_crl(store, crl.get()) != 1) return Error{describe("crl", path) + ": " + ossl::takeErrors()};
  }
  for (std::size_t i = 0; i < cas.size(); ++i)
    if (!covered[i])
      return Error{describe("crl", path) + ": no CRL for CA '" + nameOf(cas[i].get()) +
                   "' (every CA in caCert needs one when a CRL is given)"};
  // The leaf only: the agency CA is a trust anchor, not revoked by itself.
  X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK);
  return std::nullopt;
}

std::optional<Error> restrictProtocol(SSL_CTX& ctx) {
  if (SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) != 1) return Error{"TLS: cannot require TLS 1.2"};
  if (SSL_CTX_set_cipher_list(&ctx, kTls12Ciphers) != 1) return Error{"TLS: cipher list: " + ossl::takeErrors()};
  SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE |
                                SSL_OP_NO_TICKET);
  // No session resumption: every connection verifies the client certificate against the
  // current CRL. Kiosks keep connections alive, so full handshakes are rare.
  SSL_CTX_set_session_cache_mode(&ctx, SSL_SESS_CACHE_OFF);
  SSL_CTX_set_num_tickets(&ctx, 0);
  return std::nullopt;
}

}  // namespace

std::optional<Error> configureMutualTls(SSL_CTX& ctx, const TlsFiles& files) {
  ERR_clear_error();
  if (auto problem = restrictProtocol(ctx)) return problem;
  if (auto problem = useServerIdentity(ctx, files)) return problem;
  auto cas = trustAgencyCa(ctx, files.caCert);
  if (!cas) return Error{cas.error()};
  if (!files.crl.empty())
    if (auto problem = checkRevocation(ctx, files.crl, cas.value())) return problem;
  SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  SSL_CTX_set_verify_depth(&ctx, kMaxChainDepth);
  logHandshakeRefusals(ctx);
  return std::nullopt;
}

std::optional<Error> configureServerOnlyTls(SSL_CTX& ctx, const TlsFiles& files) {
  ERR_clear_error();
  if (auto problem = restrictProtocol(ctx)) return problem;
  if (auto problem = useServerIdentity(ctx, files)) return problem;
  SSL_CTX_set_verify(&ctx, SSL_VERIFY_NONE, nullptr);
  return std::nullopt;
}

}  // namespace onestop::central::http
