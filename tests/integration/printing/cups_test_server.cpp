#include "cups_test_server.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

const CupsTestServer& server() {
  static const CupsTestServer s = [] {
    const char* envFile = std::getenv("ONESTOP_TEST_CUPS_ENV_FILE");
    REQUIRE_MESSAGE(envFile, "run through ctest: the \"cups\" fixture starts the scheduler");
    std::ifstream in(envFile);
    REQUIRE_MESSAGE(in, "no CUPS test server (" << envFile << "): see the \"cups: start\" test's output");
    CupsTestServer out;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("ONESTOP_CUPS_SERVER=", 0) == 0) out.socket = line.substr(20);
      if (line.rfind("ONESTOP_CUPS_OUT=", 0) == 0) out.out = line.substr(17);
    }
    REQUIRE(!out.socket.empty());
    return out;
  }();
  return s;
}
