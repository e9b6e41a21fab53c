// HttpsServer::create and the server's life cycle: bad files and options are errors that
// name the problem; stop() works in every state.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <future>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "test_support.hpp"

namespace onestop::central::http::test {
namespace {

std::string createError(const TlsFiles& files, const ServerOptions& options = {}) {
  auto created = HttpsServer::create(files, options);
  REQUIRE_FALSE(created.ok());
  return created.error();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A CRL of the dev agency CA whose next update was yesterday; returns its path.
std::string writeExpiredCrl() {
  FILE* caFile = std::fopen(pki("ca.crt").c_str(), "r");
  FILE* keyFile = std::fopen(pki("ca.key").c_str(), "r");
  REQUIRE(caFile != nullptr);
  REQUIRE(keyFile != nullptr);
  X509* ca = PEM_read_X509(caFile, nullptr, nullptr, nullptr);
  EVP_PKEY* key = PEM_read_PrivateKey(keyFile, nullptr, nullptr, nullptr);
  std::fclose(caFile);
  std::fclose(keyFile);
  REQUIRE(ca != nullptr);
  REQUIRE(key != nullptr);

  X509_CRL* crl = X509_CRL_new();
  const std::time_t now = std::time(nullptr);
  ASN1_TIME* lastUpdate = ASN1_TIME_adj(nullptr, now, -2, 0);
  ASN1_TIME* nextUpdate = ASN1_TIME_adj(nullptr, now, -1, 0);
  X509_CRL_set_version(crl, 1);
  X509_CRL_set_issuer_name(crl, X509_get_subject_name(ca));
  X509_CRL_set1_lastUpdate(crl, lastUpdate);
  X509_CRL_set1_nextUpdate(crl, nextUpdate);
  REQUIRE(X509_CRL_sign(crl, key, EVP_sha256()) > 0);

  const std::string path =
      (std::filesystem::temp_directory_path() / ("onestop-expired-crl-" + std::to_string(::getpid()) + ".pem")).string();
  FILE* out = std::fopen(path.c_str(), "w");
  REQUIRE(out != nullptr);
  PEM_write_X509_CRL(out, crl);
  std::fclose(out);
  ASN1_TIME_free(lastUpdate);
  ASN1_TIME_free(nextUpdate);
  X509_CRL_free(crl);
  EVP_PKEY_free(key);
  X509_free(ca);
  return path;
}

}  // namespace

TEST_CASE("create: a missing file is named") {
  auto files = devTlsFiles();
  files.caCert = pki("no-such-ca.crt");
  const auto error = createError(files);
  CHECK(contains(error, "caCert"));
  CHECK(contains(error, "no-such-ca.crt"));
  CHECK(contains(error, "no such file"));

  files = devTlsFiles();
  files.serverKey = "";
  CHECK(contains(createError(files), "serverKey: no file given"));
}

TEST_CASE("create: a key that does not belong to the server certificate") {
  auto files = devTlsFiles();
  files.serverKey = pki("kiosks/KIOSK-DEMO-01.key");
  const auto error = createError(files);
  CHECK(contains(error, "serverKey"));
  CHECK_MESSAGE(contains(error, "does not match serverCert"), error);
}

TEST_CASE("create: a leaf certificate given as the CA") {
  auto files = devTlsFiles();
  files.caCert = pki("kiosks/KIOSK-DEMO-01.crt");
  CHECK(contains(createError(files), "not a CA certificate"));
}

TEST_CASE("create: a file that is not PEM of the expected kind") {
  auto files = devTlsFiles();
  files.crl = pki("ca.crt");
  CHECK(contains(createError(files), "no PEM X509 CRL"));

  files = devTlsFiles();
  files.caCert = pki("ca/ca.cnf");
  CHECK(contains(createError(files), "no PEM certificate"));
}

TEST_CASE("create: a CRL signed by a CA that is not trusted") {
  // The agency CRL with another CA as the only trusted one: the CRL's signer is unknown.
  auto files = devTlsFiles();
  files.caCert = pki("other-ca/ca.crt");
  CHECK(contains(createError(files), "is not signed by a CA in caCert"));
}

TEST_CASE("create: an expired CRL") {
  const std::string path = writeExpiredCrl();
  auto files = devTlsFiles();
  files.crl = path;
  const auto error = createError(files);
  std::remove(path.c_str());
  CHECK(contains(error, "expired on"));
  CHECK(contains(error, "issue a fresh one"));
}

TEST_CASE("create: options out of range") {
  ServerOptions options;
  options.threads = 0;
  CHECK(contains(createError(devTlsFiles(), options), "threads must be 1"));
  options = {};
  options.maxBodyBytes = 0;
  CHECK(contains(createError(devTlsFiles(), options), "maxBodyBytes"));
  options = {};
  options.readTimeoutSeconds = -1;
  CHECK(contains(createError(devTlsFiles(), options), "readTimeoutSeconds"));
}

TEST_CASE("bind: a port in use and a bad port are errors, port 0 picks one") {
  auto first = HttpsServer::create(devTlsFiles());
  REQUIRE(first.ok());
  auto port = first.value()->bind("127.0.0.1", 0);
  REQUIRE_MESSAGE(port.ok(), port.error());
  CHECK(port.value() > 0);
  CHECK(first.value()->port() == port.value());
  CHECK(contains(first.value()->bind("127.0.0.1", 0).error(), "already bound"));

  auto second = HttpsServer::create(devTlsFiles());
  REQUIRE(second.ok());
  CHECK(contains(second.value()->bind("127.0.0.1", port.value()).error(), "cannot listen on 127.0.0.1:"));
  CHECK(contains(second.value()->bind("127.0.0.1", 70000).error(), "port must be"));
  CHECK(second.value()->port() == 0);
}

TEST_CASE("a connection that never starts the handshake is dropped after the read timeout") {
  ServerOptions options;
  options.threads = 1;  // the silent connection holds the only worker
  options.readTimeoutSeconds = 1;
  TestServer server(options);

  const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(silent >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(silent, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let the worker take it

  const auto start = std::chrono::steady_clock::now();
  auto res = clientWith(server.port(), "kiosks/KIOSK-DEMO-01")->Get("/whoami");  // client waits up to 5 s
  const auto waited = std::chrono::steady_clock::now() - start;
  ::close(silent);
  REQUIRE_MESSAGE(res, httplib::to_string(res.error()));
  CHECK(res->status == 200);
  CHECK(waited < std::chrono::seconds(4));
}

TEST_CASE("stop: before run, twice, and while serving") {
  SUBCASE("before run: run returns at once") {
    auto server = HttpsServer::create(devTlsFiles());
    REQUIRE(server.ok());
    REQUIRE(server.value()->bind("127.0.0.1", 0).ok());
    server.value()->stop();
    auto ran = std::async(std::launch::async, [&] { server.value()->run(); });
    CHECK(ran.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    server.value()->stop();
  }
  SUBCASE("run without bind returns at once") {
    auto server = HttpsServer::create(devTlsFiles());
    REQUIRE(server.ok());
    server.value()->run();
  }
  SUBCASE("while serving: run returns and the port is closed") {
    std::unique_ptr<TestServer> server = std::make_unique<TestServer>();
    const int port = server->port();
    REQUIRE(clientWith(port, "kiosks/KIOSK-DEMO-02")->Get("/whoami"));
    server.reset();  // stop() + join
    CHECK_FALSE(clientWith(port, "kiosks/KIOSK-DEMO-02")->Get("/whoami"));
  }
}

}  // namespace onestop::central::http::test
