#include "support/test_db.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <system_error>

#include "store/database.hpp"

namespace onestop::test {
namespace {

namespace fs = std::filesystem;

std::atomic<int> counter{0};

/// A lower-case identifier made of the prefix, this process and a counter; unique even
/// across runs that reuse a server (pids repeat).
std::string uniqueName(std::string_view prefix) {
  std::string name;
  for (char c : prefix.substr(0, 24)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    name += keep ? c : '_';
  }
  static const unsigned salt = std::random_device{}() % 100000;
  return (name.empty() ? "t" : name) + "_" + std::to_string(getpid()) + "_" + std::to_string(salt) + "_" +
         std::to_string(++counter);
}

/// The server's URL with its database name replaced by `dbname`.
std::string withDatabase(const std::string& url, const std::string& dbname) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = url.find('?');
  std::string base = slash == std::string::npos ? url.substr(0, query) + "/" : url.substr(0, slash + 1);
  return base + dbname + (query == std::string::npos ? "" : url.substr(query));
}

struct TempRoot {
  fs::path dir;
  TempRoot() {
    std::string pattern = (fs::temp_directory_path() / "onestop-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) dir = pattern;
  }
  ~TempRoot() {
    std::error_code ignored;
    if (!dir.empty()) fs::remove_all(dir, ignored);
  }
};

}  // namespace

std::string freshPostgresUrl(std::string_view prefix) {
  const char* fileVariable = std::getenv("ONESTOP_TEST_PG_URL_FILE");
  if (fileVariable == nullptr) return {};
  const std::string file = fileVariable;  // doctest would print a char* as an address
  std::string serverUrl;
  std::ifstream in(file);
  std::getline(in, serverUrl);
  if (serverUrl.empty()) {
    FAIL("ONESTOP_TEST_PG_URL_FILE=" << file << " is missing or empty: did the ctest fixture "
         "\"postgres: start\" fail? (tests/support/postgres.sh start DIR starts a server by hand)");
  }

  central::store::OpenOptions options;
  options.poolSize = 1;
  auto server = central::store::Database::open(serverUrl, options);
  if (!server) FAIL("PostgreSQL test server " << serverUrl << ": " << server.error().message);
  std::string dbname = uniqueName(prefix);
  auto lease = server.value()->acquire();
  if (!lease) FAIL(lease.error().message);
  auto created = lease.value()->execute("CREATE DATABASE " + dbname);
  if (!created) FAIL("CREATE DATABASE " << dbname << ": " << created.error().message);
  return withDatabase(serverUrl, dbname);
}

std::string freshSqlitePath(std::string_view prefix) {
  static TempRoot root;
  if (root.dir.empty()) FAIL("cannot create a temporary directory in " << fs::temp_directory_path());
  return (root.dir / (uniqueName(prefix) + ".db")).string();
}

}  // namespace onestop::test
