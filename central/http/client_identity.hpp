#pragma once
// Who is calling: read from the client certificate that the TLS handshake verified, never
// from a header. Kiosks carry OU=kiosk and CN=<kiosk id>; back-office staff OU=staff.
#include <optional>
#include <string>

#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace httplib {
struct Request;
}

namespace onestop::central::http {

struct ClientIdentity {
  std::string commonName;          ///< the kiosk or staff id, e.g. "KIOSK-DEMO-01"
  std::string organizationalUnit;  ///< the role: "kiosk", "staff"; "" when the subject has none
  std::string serialHex;           ///< the certificate's serial number, upper-case hex
};

/// The identity in a certificate's subject: exactly one non-empty CN and at most one OU.
/// nullopt for anything ambiguous.
std::optional<ClientIdentity> identityOf(const X509& certificate);

/// The identity of a connection's peer, provided its certificate passed verification.
std::optional<ClientIdentity> peerIdentity(const SSL& connection);

/// The identity behind an HTTPS request; nullopt for a plain-HTTP request or a connection
/// without a verified client certificate (which the server does not let through anyway).
std::optional<ClientIdentity> clientIdentity(const httplib::Request& request);

}  // namespace onestop::central::http
