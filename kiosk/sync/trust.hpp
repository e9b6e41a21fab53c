#pragma once
// How the kiosk trusts the central server and proves who it is: only the agency CA (never
// the system store), the kiosk's own certificate and key, and the server's public key
// pinned — with room for the next key, so the server can rotate without an outage.
#include <string>
#include <vector>

#include "core/result.hpp"

namespace onestop::sync {

struct TrustConfig {
  std::string serverUrl;              ///< "https://central.example:8443"
  std::string caCert;                 ///< the agency CA (PEM)
  std::string clientCert, clientKey;  ///< this kiosk's certificate and key (PEM)
  std::vector<std::string> pins;      ///< "sha256//<base64>" of the server's public key(s); empty = CA only
  long connectTimeoutMs = 5000;
  long lowSpeedSeconds = 10;          ///< an answer slower than 1 byte/s for this long is a timeout
};

/// The pin of a certificate's public key ("sha256//" + base64 of SHA-256 over the DER
/// SubjectPublicKeyInfo), as CURLOPT_PINNEDPUBLICKEY takes it.
core::Result<std::string> publicKeyPin(const std::string& certificatePemPath);

/// The subject's common name of a PEM certificate: for the kiosk's own certificate, its
/// terminal id ("KIOSK-0417"), as the server knows it and receipts print it.
core::Result<std::string> certificateCommonName(const std::string& certificatePemPath);

/// The first problem with `t` (missing file, bad URL, malformed pin), or nothing.
std::optional<std::string> checkTrust(const TrustConfig& t);

}  // namespace onestop::sync
