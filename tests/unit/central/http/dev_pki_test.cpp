// central/pki/make-dev-pki.sh: the layout the server and tests rely on, private keys, the
// revoked kiosk in the CRL, and idempotence (a second run creates nothing).
#include <cstdlib>
#include <filesystem>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "test_support.hpp"

namespace onestop::central::http::test {
namespace {

namespace fs = std::filesystem;

/// A fresh directory removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "onestop-pki-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

CommandResult makePki(const fs::path& dir) { return runCommand("bash '" + pkiScript() + "' '" + dir.string() + "'"); }

template <class T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  ~Owned() { Free(p); }
};

bool isRevoked(const fs::path& crlPath, const fs::path& certPath) {
  FILE* crlFile = std::fopen(crlPath.c_str(), "r");
  FILE* certFile = std::fopen(certPath.c_str(), "r");
  REQUIRE(crlFile != nullptr);
  REQUIRE(certFile != nullptr);
  Owned<X509_CRL, X509_CRL_free> crl{PEM_read_X509_CRL(crlFile, nullptr, nullptr, nullptr)};
  Owned<X509, X509_free> cert{PEM_read_X509(certFile, nullptr, nullptr, nullptr)};
  std::fclose(crlFile);
  std::fclose(certFile);
  REQUIRE(crl.p != nullptr);
  REQUIRE(cert.p != nullptr);
  X509_REVOKED* entry = nullptr;
  return X509_CRL_get0_by_cert(crl.p, &entry, cert.p) == 1;
}

}  // namespace

TEST_CASE("make-dev-pki.sh: layout, private keys, revoked kiosk, idempotent") {
  TempDir dir;
  const auto first = makePki(dir.path);
  REQUIRE_MESSAGE(first.status == 0, first.output);

  for (const char* base : {"ca", "server", "kiosks/KIOSK-DEMO-01", "kiosks/KIOSK-DEMO-02", "kiosks/KIOSK-TEST-01",
                           "kiosks/KIOSK-REVOKED-01", "staff/STAFF-DEMO-01", "other-ca/ca",
                           "other-ca/kiosks/KIOSK-ROGUE-01"}) {
    CAPTURE(base);
    const fs::path key = dir.path / (std::string(base) + ".key");
    REQUIRE(fs::is_regular_file(dir.path / (std::string(base) + ".crt")));
    REQUIRE(fs::is_regular_file(key));
    CHECK((fs::status(key).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  }
  CHECK(isRevoked(dir.path / "crl.pem", dir.path / "kiosks/KIOSK-REVOKED-01.crt"));
  CHECK_FALSE(isRevoked(dir.path / "crl.pem", dir.path / "kiosks/KIOSK-TEST-01.crt"));

  const auto second = makePki(dir.path);
  CHECK(second.status == 0);
  CHECK_MESSAGE(second.output.empty(), second.output);

  // Only what is missing is made again.
  fs::remove(dir.path / "kiosks/KIOSK-DEMO-02.crt");
  fs::remove(dir.path / "crl.pem");
  const auto third = makePki(dir.path);
  CHECK(third.status == 0);
  CHECK(third.output.find("KIOSK-DEMO-02") != std::string::npos);
  CHECK(third.output.find("KIOSK-DEMO-01") == std::string::npos);
  CHECK(third.output.find("creating CA") == std::string::npos);
  CHECK(isRevoked(dir.path / "crl.pem", dir.path / "kiosks/KIOSK-REVOKED-01.crt"));
}

TEST_CASE("make-dev-pki.sh: usage error without OUTDIR") {
  const auto run = runCommand("bash '" + pkiScript() + "'");
  CHECK(run.status != 0);
  CHECK(run.output.find("usage") != std::string::npos);
}

}  // namespace onestop::central::http::test
