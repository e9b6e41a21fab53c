#include "http/client_identity.hpp"

#include "http/httplib.hpp"
#include "http/openssl_util.hpp"

namespace onestop::central::http {

std::optional<ClientIdentity> identityOf(const X509& certificate) {
  const X509_NAME* subject = X509_get_subject_name(&certificate);
  auto commonName = ossl::singleEntry(subject, NID_commonName);
  if (!commonName || commonName->empty()) return std::nullopt;
  std::string unit;
  if (ossl::entryCount(subject, NID_organizationalUnitName) > 0) {
    auto single = ossl::singleEntry(subject, NID_organizationalUnitName);
    if (!single) return std::nullopt;
    unit = std::move(*single);
  }
  std::string serial = ossl::serialHex(X509_get0_serialNumber(&certificate));
  if (serial.empty()) return std::nullopt;
  return ClientIdentity{std::move(*commonName), std::move(unit), std::move(serial)};
}

std::optional<ClientIdentity> peerIdentity(const SSL& connection) {
  // Defence in depth: the handshake already refuses unverified peers.
  if (SSL_get_verify_result(&connection) != X509_V_OK) return std::nullopt;
  const X509* peer = SSL_get0_peer_certificate(&connection);
  if (peer == nullptr) return std::nullopt;
  return identityOf(*peer);
}

std::optional<ClientIdentity> clientIdentity(const httplib::Request& request) {
  if (request.ssl == nullptr) return std::nullopt;
  return peerIdentity(*request.ssl);
}

}  // namespace onestop::central::http
