// The demo staff accounts as the docs list them: whoever tries the demo logs in with what
// docs/demo-data.md and docs/central-server.md say.
#include <fstream>
#include <iterator>

#include <doctest/doctest.h>

#include "web/demo_console.hpp"

namespace onestop::central::web::test {
namespace {

std::string doc(const std::string& name) {
  std::ifstream in(std::string(ONESTOP_SOURCE_ROOT) + "/docs/" + name);
  REQUIRE(in.good());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("the docs name every demo staff account, its role and the demo password") {
  const auto demoData = doc("demo-data.md");
  const auto guide = doc("central-server.md");
  CHECK(demoData.find(std::string("`") + kDemoStaffPassword + "`") != std::string::npos);
  CHECK(guide.find(std::string("`") + kDemoStaffPassword + "`") != std::string::npos);
  for (const auto& a : demoStaffAccounts()) {
    CAPTURE(a.login);
    CHECK(demoData.find("| `" + a.login + "` | " + a.displayName + " | " + std::string(roleName(a.role)) + " |") !=
          std::string::npos);
    CHECK(guide.find("`" + a.login + "`") != std::string::npos);
  }
}

}  // namespace onestop::central::web::test
