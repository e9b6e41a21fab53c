#include "http/openssl_util.hpp"

#include <array>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>

namespace onestop::central::http::ossl {

std::string takeErrors() {
  const unsigned long first = ERR_get_error();
  ERR_clear_error();
  if (first == 0) return "unknown reason";
  const char* reason = ERR_reason_error_string(first);
  if (reason != nullptr) return reason;
  std::array<char, 256> text{};
  ERR_error_string_n(first, text.data(), text.size());
  return text.data();
}

std::string serialHex(const ASN1_INTEGER* serial) {
  if (serial == nullptr) return {};
  BIGNUM* number = ASN1_INTEGER_to_BN(serial, nullptr);
  if (number == nullptr) return {};
  char* hex = BN_bn2hex(number);
  std::string result = hex != nullptr ? hex : "";
  OPENSSL_free(hex);
  BN_free(number);
  return result;
}

std::string timeText(const ASN1_TIME* time) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || time == nullptr || ASN1_TIME_print(bio.get(), time) != 1) return "an unreadable time";
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

int entryCount(const X509_NAME* name, int nid) {
  int count = 0;
  for (int at = -1; (at = X509_NAME_get_index_by_NID(name, nid, at)) >= 0;) ++count;
  return count;
}

std::optional<std::string> singleEntry(const X509_NAME* name, int nid) {
  if (name == nullptr || entryCount(name, nid) != 1) return std::nullopt;
  const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, X509_NAME_get_index_by_NID(name, nid, -1));
  unsigned char* utf8 = nullptr;
  const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
  if (length < 0) return std::nullopt;
  std::string value(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
  OPENSSL_free(utf8);
  // An embedded NUL would let "A\0B" pass for "A" in C-string comparisons downstream.
  if (value.find('\0') != std::string::npos) return std::nullopt;
  return value;
}

std::string peerAddress(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (fd < 0 || getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return "unknown peer";
  std::array<char, INET6_ADDRSTRLEN> host{};
  if (address.ss_family == AF_INET) {
    sockaddr_in v4{};
    std::memcpy(&v4, &address, sizeof v4);
    if (inet_ntop(AF_INET, &v4.sin_addr, host.data(), host.size()) == nullptr) return "unknown peer";
    return std::string(host.data()) + ":" + std::to_string(ntohs(v4.sin_port));
  }
  if (address.ss_family == AF_INET6) {
    sockaddr_in6 v6{};
    std::memcpy(&v6, &address, sizeof v6);
    if (inet_ntop(AF_INET6, &v6.sin6_addr, host.data(), host.size()) == nullptr) return "unknown peer";
    return "[" + std::string(host.data()) + "]:" + std::to_string(ntohs(v6.sin6_port));
  }
  return "unknown peer";
}

}  // namespace onestop::central::http::ossl
