// Request bodies the server cannot bound are refused before a handler runs; handlers that
// throw do not leak their exception text.
#include <stdexcept>

#include "test_support.hpp"

namespace onestop::central::http::test {
namespace {

ServerOptions smallBodies() {
  ServerOptions options;
  options.maxBodyBytes = 1024;
  return options;
}

}  // namespace

TEST_CASE("a body over the limit gets 413 and the handler does not run") {
  TestServer server(smallBodies());
  auto client = clientWith(server.port(), "kiosks/KIOSK-TEST-01");
  auto atLimit = client->Post("/whoami", std::string(1024, 'x'), "text/plain");
  REQUIRE(atLimit);
  CHECK(atLimit->status == 200);
  CHECK(server.handlerRuns == 1);

  auto over = clientWith(server.port(), "kiosks/KIOSK-TEST-01")->Post("/whoami", std::string(4096, 'x'), "text/plain");
  REQUIRE_MESSAGE(over, httplib::to_string(over.error()));
  CHECK(over->status == 413);
  CHECK(server.handlerRuns == 1);
}

TEST_CASE("a chunked body, which httplib would not bound, gets 411 and the handler does not run") {
  TestServer server(smallBodies());
  auto client = clientWith(server.port(), "kiosks/KIOSK-TEST-01");
  int chunks = 0;
  auto res = client->Post(
      "/whoami",
      [&](std::size_t, httplib::DataSink& sink) {
        const std::string chunk(1000, 'x');
        if (chunks++ < 10) sink.write(chunk.data(), chunk.size());
        else sink.done();
        return true;
      },
      "text/plain");
  REQUIRE_MESSAGE(res, httplib::to_string(res.error()));
  CHECK(res->status == 411);
  CHECK(server.handlerRuns == 0);
  // The refused connection is closed; the same client goes on with a new one.
  auto next = client->Get("/whoami");
  REQUIRE_MESSAGE(next, httplib::to_string(next.error()));
  CHECK(next->status == 200);
  CHECK(server.handlerRuns == 1);
}

TEST_CASE("a compressed body, which httplib would inflate without bound, gets 415") {
  TestServer server(smallBodies());
  auto client = clientWith(server.port(), "kiosks/KIOSK-TEST-01");
  for (const char* encoding : {"gzip", "br", "deflate", "GZIP"}) {
    CAPTURE(encoding);
    auto res = client->Post("/whoami", httplib::Headers{{"Content-Encoding", encoding}}, std::string(100, 'x'),
                            "text/plain");
    REQUIRE_MESSAGE(res, httplib::to_string(res.error()));
    CHECK(res->status == 415);
  }
  auto identity =
      client->Post("/whoami", httplib::Headers{{"Content-Encoding", "Identity"}}, std::string(100, 'x'), "text/plain");
  REQUIRE(identity);
  CHECK(identity->status == 200);
  CHECK(server.handlerRuns == 1);
}

TEST_CASE("a handler that throws gets 500 without the exception text") {
  TestServer server(ServerOptions{}, devTlsFiles(), [](httplib::Server& routes) {
    routes.Get("/throws", [](const httplib::Request&, httplib::Response&) { throw std::runtime_error("secret detail"); });
  });
  auto res = clientWith(server.port(), "kiosks/KIOSK-TEST-01")->Get("/throws");
  REQUIRE(res);
  CHECK(res->status == 500);
  CHECK(res->body.find("secret") == std::string::npos);
  for (const auto& [name, value] : res->headers) CHECK(value.find("secret") == std::string::npos);
}

}  // namespace onestop::central::http::test
