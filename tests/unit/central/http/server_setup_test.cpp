// HttpsServer::create and the server's life cycle: bad files and options are errors that
// name the problem; stop() works in every state.
#include <chrono>
#include <future>

#include "test_support.hpp"

namespace onestop::central::http::test {
namespace {

std::string createError(const TlsFiles& files, const ServerOptions& options = {}) {
  auto created = HttpsServer::create(files, options);
  REQUIRE_FALSE(created.ok());
  return created.error();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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
