#pragma once
// The server side of mutual TLS: loads the agency CA, the server's certificate and key and
// an optional CRL into an OpenSSL context, and makes the handshake refuse every client that
// does not present a valid, unrevoked certificate issued by that CA.
#include <optional>
#include <string>

#include <openssl/ssl.h>

#include "core/result.hpp"

namespace onestop::central::http {

/// PEM files. Paths are used as given (relative to the working directory).
struct TlsFiles {
  std::string caCert;      ///< the agency CA: the only issuer accepted for client certificates
  std::string serverCert;  ///< the server's certificate (may be followed by intermediates)
  std::string serverKey;   ///< its private key (unencrypted)
  std::string crl;         ///< the agency CA's CRL; empty = no revocation check
};

/// Configures `ctx` for mutual TLS: TLS 1.2 minimum, AEAD ciphers with forward secrecy,
/// SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT against the agency CA only, CRL check
/// of the client certificate when a CRL is given, handshake refusals logged. Returns the
/// first problem found, naming the file and what is wrong with it.
std::optional<core::Error> configureMutualTls(SSL_CTX& ctx, const TlsFiles& files);

/// Configures `ctx` for server-authenticated TLS only (the staff console and the public
/// verification page): the same protocol and cipher rules and server identity checks, no
/// client certificate requested. Uses files.serverCert and files.serverKey only.
std::optional<core::Error> configureServerOnlyTls(SSL_CTX& ctx, const TlsFiles& files);

}  // namespace onestop::central::http
