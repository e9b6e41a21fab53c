// The second kind of listener: server-authenticated TLS only (staff console, public
// verification page). Browsers connect without a client certificate; the request guards
// still apply; the mutual-TLS default is unchanged.
#include "test_support.hpp"

namespace onestop::central::http::test {
namespace {

ServerOptions serverOnly() {
  ServerOptions options;
  options.requireClientCertificate = false;
  options.maxBodyBytes = 1024;
  return options;
}

// Only the server's own files: no agency CA, no CRL.
TlsFiles serverFilesOnly() { return TlsFiles{"", pki("server.crt"), pki("server.key"), ""}; }

}  // namespace

TEST_CASE("a server-TLS-only listener serves a client without a certificate, as anonymous") {
  TestServer server(serverOnly(), serverFilesOnly());
  auto res = clientWith(server.port(), "")->Get("/whoami");
  REQUIRE_MESSAGE(res, httplib::to_string(res.error()));
  CHECK(res->status == 200);
  CHECK(res->body == "anonymous");
  CHECK(server.handlerRuns == 1);
}

TEST_CASE("a server-TLS-only listener does not ask for a client certificate, so none is taken as identity") {
  TestServer server(serverOnly(), serverFilesOnly());
  auto res = clientWith(server.port(), "staff/STAFF-DEMO-01")->Get("/whoami");
  REQUIRE_MESSAGE(res, httplib::to_string(res.error()));
  CHECK(res->body == "anonymous");
}

TEST_CASE("a server-TLS-only listener still refuses chunked and compressed bodies and large ones") {
  TestServer server(serverOnly(), serverFilesOnly());
  auto client = clientWith(server.port(), "");
  auto compressed = client->Post("/whoami", httplib::Headers{{"Content-Encoding", "gzip"}}, "x", "text/plain");
  REQUIRE(compressed);
  CHECK(compressed->status == 415);
  auto large = clientWith(server.port(), "")->Post("/whoami", std::string(4096, 'x'), "text/plain");
  REQUIRE(large);
  CHECK(large->status == 413);
  CHECK(server.handlerRuns == 0);
}

TEST_CASE("a server-TLS-only listener names a missing server key") {
  TlsFiles files = serverFilesOnly();
  files.serverKey = pki("no-such.key");
  auto created = HttpsServer::create(files, serverOnly());
  REQUIRE_FALSE(created.ok());
  CHECK(created.error().find("serverKey") != std::string::npos);
  CHECK(created.error().find("no such file") != std::string::npos);
}

TEST_CASE("the default is still mutual TLS: the same anonymous client is refused") {
  TestServer server;
  CHECK_FALSE(clientWith(server.port(), "")->Get("/whoami"));
  CHECK(server.handlerRuns == 0);
}

}  // namespace onestop::central::http::test
