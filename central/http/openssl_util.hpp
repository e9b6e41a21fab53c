#pragma once
// Small OpenSSL helpers shared by the TLS set-up, the handshake log and the identity reader:
// owning pointers, error-queue text, and value formatting.
#include <memory>
#include <optional>
#include <string>

#include <openssl/bio.h>
#include <openssl/x509.h>

namespace onestop::central::http::ossl {

struct BioFree { void operator()(BIO* p) const { BIO_free(p); } };
struct X509Free { void operator()(X509* p) const { X509_free(p); } };
struct CrlFree { void operator()(X509_CRL* p) const { X509_CRL_free(p); } };
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using CrlPtr = std::unique_ptr<X509_CRL, CrlFree>;

/// Empties this thread's OpenSSL error queue and returns its first entry's reason, e.g.
/// "no start line"; "unknown reason" when the queue was empty.
std::string takeErrors();

/// Hex of a serial number, upper case without separators ("" if it cannot be read).
std::string serialHex(const ASN1_INTEGER* serial);

/// "Nov 23 16:15:00 2027 GMT".
std::string timeText(const ASN1_TIME* time);

/// How many entries of `nid` (e.g. NID_commonName) `name` has.
int entryCount(const X509_NAME* name, int nid);

/// The value of `nid` in `name` as UTF-8 when there is exactly one and it is text without
/// NUL bytes; nullopt otherwise.
std::optional<std::string> singleEntry(const X509_NAME* name, int nid);

/// "127.0.0.1:50312" for the socket's peer; "unknown peer" when it cannot be read.
std::string peerAddress(int fd);

}  // namespace onestop::central::http::ossl
