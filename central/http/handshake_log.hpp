#pragma once
// Logs why the server refused a TLS handshake, so that an operator can tell a kiosk with a
// revoked certificate from one with none or from a foreign CA. A line names the peer's
// address, the verification error or the alert sent, and the certificate's serial number
// and issuer — never its subject (a staff certificate's subject may name a person).
#include <openssl/ssl.h>

namespace onestop::central::http {

/// Installs the verify and info callbacks on `ctx`. Keeps OpenSSL's own verification
/// verdict: the verify callback only logs, it never turns a failure into a success.
void logHandshakeRefusals(SSL_CTX& ctx);

}  // namespace onestop::central::http
