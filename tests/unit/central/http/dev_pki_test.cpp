// central/pki/make-dev-pki.sh: the layout the server and tests rely on, private keys, the
// revoked kiosk in the CRL, and idempotence (a second run creates nothing).
#include <cstdlib>
#include <filesystem>
#include <utility>

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
  explicit Owned(T* owned) : p(owned) {}
  Owned(Owned&& other) noexcept : p(std::exchange(other.p, nullptr)) {}
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  Owned& operator=(Owned&&) = delete;
  ~Owned() { Free(p); }
};

Owned<X509_CRL, X509_CRL_free> readCrl(const fs::path& path) {
  FILE* file = std::fopen(path.c_str(), "r");
  REQUIRE(file != nullptr);
  Owned<X509_CRL, X509_CRL_free> crl{PEM_read_X509_CRL(file, nullptr, nullptr, nullptr)};
  std::fclose(file);
  REQUIRE(crl.p != nullptr);
  return crl;
}

int crlDaysLeft(const fs::path& path) {
  auto crl = readCrl(path);
  int days = 0;
  int seconds = 0;
  REQUIRE(ASN1_TIME_diff(&days, &seconds, nullptr, X509_CRL_get0_nextUpdate(crl.p)) == 1);
  return days;
}

bool isRevoked(const fs::path& crlPath, const fs::path& certPath) {
  auto crl = readCrl(crlPath);
  FILE* certFile = std::fopen(certPath.c_str(), "r");
  REQUIRE(certFile != nullptr);
  Owned<X509, X509_free> cert{PEM_read_X509(certFile, nullptr, nullptr, nullptr)};
  std::fclose(certFile);
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

TEST_CASE("make-dev-pki.sh: renews a CRL that is about to expire") {
  TempDir dir;
  REQUIRE(makePki(dir.path).status == 0);
  const auto shortLived = runCommand("openssl ca -config '" + (dir.path / "ca/ca.cnf").string() +
                                     "' -gencrl -crldays 1 -out '" + (dir.path / "crl.pem").string() + "'");
  REQUIRE_MESSAGE(shortLived.status == 0, shortLived.output);
  const auto rerun = makePki(dir.path);
  CHECK(rerun.status == 0);
  CHECK(rerun.output.find("writing the CRL") != std::string::npos);
  CHECK(crlDaysLeft(dir.path / "crl.pem") > 300);
  CHECK(isRevoked(dir.path / "crl.pem", dir.path / "kiosks/KIOSK-REVOKED-01.crt"));
}

TEST_CASE("make-dev-pki.sh: usage error without OUTDIR") {
  const auto run = runCommand("bash '" + pkiScript() + "'");
  CHECK(run.status != 0);
  CHECK(run.output.find("usage") != std::string::npos);
}

}  // namespace onestop::central::http::test
