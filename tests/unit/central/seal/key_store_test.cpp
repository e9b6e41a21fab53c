#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "seal_fixtures.hpp"

using namespace onestop::central::seal;
using namespace onestop::central::seal::testing;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the temp dir, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "onestop-seal-XXXXXX").string();
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

unsigned modeOf(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("a key ring saved and loaded is the same ring") {
  const TempDir dir;
  KeyRing ring = freshRing();
  ring.rotate(kT0 + 10 * kDay);
  REQUIRE(saveKeyRing(ring, dir.path / "keys").ok());

  auto loaded = loadKeyRing(dir.path / "keys", ring.policy());
  REQUIRE_MESSAGE(loaded.ok(), loaded.error());
  REQUIRE(loaded->keys().size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(loaded->keys()[i].kid() == ring.keys()[i].kid());
    CHECK(loaded->keys()[i].publicKey() == ring.keys()[i].publicKey());
    CHECK(loaded->keys()[i].times().created == ring.keys()[i].times().created);
    CHECK(loaded->keys()[i].times().signUntil == ring.keys()[i].times().signUntil);
    CHECK(loaded->keys()[i].times().verifyUntil == ring.keys()[i].times().verifyUntil);
  }
  // Ed25519 is deterministic: the same key signs the same payload to the same seal.
  const Timestamp now = kT0 + 11 * kDay;
  const std::string fromLoaded = loaded->seal(sampleRequest(now), now).value().text;
  CHECK(fromLoaded == ring.seal(sampleRequest(now), now).value().text);
  CHECK(verifySeal(fromLoaded, ring.publicKeys(now), now).valid());
}

TEST_CASE("secret key files are private and written without leftovers") {
  const TempDir dir;
  const KeyRing ring = freshRing();
  const fs::path keys = dir.path / "keys";
  REQUIRE(saveKeyRing(ring, keys).ok());
  const fs::path seed = keys / (ring.keys().front().kid() + ".seed");
  CHECK(fs::file_size(seed) == 32);
  CHECK(modeOf(seed) == 0600);
  CHECK(modeOf(keys) == 0700);
  CHECK(fs::exists(keys / "ring.json"));
  for (const auto& entry : fs::directory_iterator(keys)) {
    CHECK_FALSE(entry.path().extension() == ".tmp");
  }
  // The public file never holds the seed.
  std::ifstream in(keys / "ring.json");
  const std::string json((std::istreambuf_iterator<char>(in)), {});
  CHECK(json.find(base64urlEncode(ring.keys().front().seed())) == std::string::npos);
  CHECK(json.find(base64urlEncode(ring.keys().front().publicKey())) != std::string::npos);
}

TEST_CASE("loading refuses a seed file others can read") {
  const TempDir dir;
  const KeyRing ring = freshRing();
  REQUIRE(saveKeyRing(ring, dir.path).ok());
  const fs::path seed = dir.path / (ring.keys().front().kid() + ".seed");
  REQUIRE(::chmod(seed.c_str(), 0644) == 0);
  const auto loaded = loadKeyRing(dir.path);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().find("chmod 600") != std::string::npos);
  CHECK(loaded.error().find("0644") != std::string::npos);
}

TEST_CASE("loading refuses a seed that does not match the public key") {
  const TempDir dir;
  const KeyRing ring = freshRing();
  REQUIRE(saveKeyRing(ring, dir.path).ok());
  const fs::path seed = dir.path / (ring.keys().front().kid() + ".seed");
  {
    std::ofstream out(seed, std::ios::binary | std::ios::trunc);
    out << std::string(32, 'x');
  }
  CHECK(loadKeyRing(dir.path).error().find("does not match") != std::string::npos);
  {
    std::ofstream out(seed, std::ios::binary | std::ios::trunc);
    out << std::string(31, 'x');
  }
  CHECK(loadKeyRing(dir.path).error().find("expected 32") != std::string::npos);
  fs::remove(seed);
  CHECK(loadKeyRing(dir.path).error().find("cannot open") != std::string::npos);
}

TEST_CASE("loading refuses a missing or broken ring.json") {
  const TempDir dir;
  CHECK(loadKeyRing(dir.path / "absent").error().find("ring.json") != std::string::npos);
  {
    std::ofstream out(dir.path / "ring.json");
    out << "{\"format\":\"something-else\",\"keys\":[]}";
  }
  CHECK(loadKeyRing(dir.path).error().find("format") != std::string::npos);
  {
    std::ofstream out(dir.path / "ring.json");
    out << "{not json";
  }
  CHECK_FALSE(loadKeyRing(dir.path).ok());
}

TEST_CASE("openKeyRing creates a key once and reuses it") {
  const TempDir dir;
  const KeyPolicy policy{30 * kDay, 60 * kDay};
  auto first = openKeyRing(dir.path / "keys", policy, kT0);
  REQUIRE_MESSAGE(first.ok(), first.error());
  REQUIRE(first->keys().size() == 1);
  auto again = openKeyRing(dir.path / "keys", policy, kT0 + kDay);
  REQUIRE(again.ok());
  REQUIRE(again->keys().size() == 1);
  CHECK(again->keys().front().kid() == first->keys().front().kid());
  // After the sign period, opening rotates and saves.
  auto later = openKeyRing(dir.path / "keys", policy, kT0 + 31 * kDay);
  REQUIRE(later.ok());
  CHECK(later->keys().size() == 2);
  CHECK(loadKeyRing(dir.path / "keys", policy)->keys().size() == 2);
}

TEST_CASE("saving a pruned ring removes the old seed file") {
  const TempDir dir;
  const KeyPolicy policy{30 * kDay, 60 * kDay};
  KeyRing ring = freshRing(policy);
  const std::string oldKid = ring.keys().front().kid();
  ring.rotate(kT0 + kDay);
  REQUIRE(saveKeyRing(ring, dir.path).ok());
  CHECK(fs::exists(dir.path / (oldKid + ".seed")));
  CHECK(ring.prune(kT0 + 61 * kDay) == 1);
  REQUIRE(saveKeyRing(ring, dir.path).ok());
  CHECK_FALSE(fs::exists(dir.path / (oldKid + ".seed")));
  CHECK(fs::exists(dir.path / (ring.keys().front().kid() + ".seed")));
}
