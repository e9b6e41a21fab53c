#include "http/handshake_log.hpp"

#include <string>

#include <openssl/err.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>

#include "http/openssl_util.hpp"

namespace onestop::central::http {
namespace {

std::string peerOf(const SSL* ssl) { return ossl::peerAddress(ssl != nullptr ? SSL_get_fd(ssl) : -1); }

std::string alertName(int value) {
  constexpr int kCertificateRequired = 116;  // TLS 1.3 (RFC 8446); OpenSSL 3.0 has no text for it
  const int description = value & 0xff;
  if (description == kCertificateRequired) return "certificate required";
  std::string name = SSL_alert_desc_string_long(value);
  return name != "unknown" ? name : "alert " + std::to_string(description);
}

int logVerifyFailure(int preverifyOk, X509_STORE_CTX* store) {
  if (preverifyOk == 1) return 1;
  const auto* ssl =
      static_cast<const SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
  const X509* cert = X509_STORE_CTX_get_current_cert(store);
  const int error = X509_STORE_CTX_get_error(store);
  const auto issuer = cert != nullptr ? ossl::singleEntry(X509_get_issuer_name(cert), NID_commonName) : std::nullopt;
  spdlog::warn("https: refused client {}: {} (certificate at depth {}, serial {}, issuer '{}')", peerOf(ssl),
               X509_verify_cert_error_string(error), X509_STORE_CTX_get_error_depth(store),
               cert != nullptr ? ossl::serialHex(X509_get0_serialNumber(cert)) : "none", issuer.value_or("?"));
  return 0;
}

void logAlerts(const SSL* ssl, int where, int value) {
  if ((where & SSL_CB_HANDSHAKE_DONE) != 0) {
    spdlog::debug("https: client {} connected with {} {}", peerOf(ssl), SSL_get_version(ssl),
                  SSL_get_cipher_name(ssl));
    return;
  }
  const bool fatalAlertSent = (where & SSL_CB_ALERT) != 0 && (where & SSL_CB_WRITE) != 0 &&
                              (value >> 8) == SSL3_AL_FATAL;
  if (!fatalAlertSent) return;
  // A failed certificate verification was logged with its details by logVerifyFailure.
  if (SSL_get_verify_result(ssl) != X509_V_OK) return;
  // A verified client whose connection broke later (e.g. closed without close_notify) was
  // not refused. (SSL_is_init_finished cannot tell: a fatal error puts OpenSSL back in init.)
  if (SSL_get0_peer_certificate(ssl) != nullptr) {
    spdlog::debug("https: client {}: connection ended with TLS alert '{}'", peerOf(ssl), alertName(value));
    return;
  }
  // The library error that caused the alert is still queued on this thread; peek, the
  // handshake code reports it after this callback.
  const unsigned long cause = ERR_peek_last_error();
  const char* reason = cause != 0 ? ERR_reason_error_string(cause) : nullptr;
  spdlog::warn("https: refused client {}: sent TLS alert '{}' ({})", peerOf(ssl), alertName(value),
               reason != nullptr ? reason : "no further detail");
}

}  // namespace

void logHandshakeRefusals(SSL_CTX& ctx) {
  SSL_CTX_set_verify(&ctx, SSL_CTX_get_verify_mode(&ctx), logVerifyFailure);
  SSL_CTX_set_info_callback(&ctx, logAlerts);
}

}  // namespace onestop::central::http
