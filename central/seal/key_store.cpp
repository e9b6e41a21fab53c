#include "seal/key_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <utility>

#include "seal/base64url.hpp"

namespace onestop::central::seal {
namespace fs = std::filesystem;
namespace {

constexpr const char* kRingFile = "ring.json";
constexpr const char* kSeedSuffix = ".seed";
constexpr std::string_view kFormat = "onestop-keyring-v1";
constexpr std::size_t kMaxRingBytes = 1 << 20;

Error systemError(const std::string& what, const fs::path& path) {
  return Error{what + " " + path.string() + ": " + std::strerror(errno)};
}

// Closes a descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

Result<Done> syncDirectory(const fs::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) return systemError("cannot sync directory", dir);
  return Done{};
}

// Writes to <path>.tmp with exactly `mode`, syncs, renames over <path>, syncs the directory.
Result<Done> writeAtomically(const fs::path& path, std::span<const std::uint8_t> bytes,
                             mode_t mode) {
  fs::path tmp = path;
  tmp += ".tmp";
  ::unlink(tmp.c_str());  // a leftover of a crash may carry another mode
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode));
  if (fd.get() < 0) return systemError("cannot create", tmp);
  if (::fchmod(fd.get(), mode) != 0) return systemError("cannot set the mode of", tmp);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return systemError("cannot write", tmp);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) return systemError("cannot sync", tmp);
  if (::close(fd.release()) != 0) return systemError("cannot close", tmp);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return systemError("cannot rename", tmp);
  return syncDirectory(path.has_parent_path() ? path.parent_path() : fs::path("."));
}

// Reads a regular file of at most `maxBytes`; with `secret`, refuses one that group or
// others may read.
Result<std::vector<std::uint8_t>> readFile(const fs::path& path, std::size_t maxBytes,
                                           bool secret) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) return systemError("cannot open", path);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return systemError("cannot stat", path);
  if (!S_ISREG(st.st_mode)) return Error{path.string() + " is not a regular file"};
  if (secret && (st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Error{path.string() + " may be read by group or others (mode " + mode +
                 "): chmod 600 " + path.string()};
  }
  if (static_cast<std::size_t>(st.st_size) > maxBytes) {
    return Error{path.string() + " is larger than " + std::to_string(maxBytes) + " bytes"};
  }
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return systemError("cannot read", path);
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

fs::path seedPath(const fs::path& dir, std::string_view kid) {
  return dir / (std::string(kid) + kSeedSuffix);
}

std::optional<Timestamp> timeMember(const nlohmann::json& entry, const char* name) {
  const auto it = entry.find(name);
  if (it == entry.end() || !it->is_number_integer()) return std::nullopt;
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > 9'999'999'999ULL) return std::nullopt;
  const auto value = it->get<std::int64_t>();
  if (value < 0 || value > 9'999'999'999) return std::nullopt;
  return value;
}

Result<SigningKey> loadKey(const nlohmann::json& entry, const fs::path& dir, std::size_t index) {
  const std::string where = "ring.json keys[" + std::to_string(index) + "]";
  if (!entry.is_object()) return Error{where + " is not an object"};
  const auto kid = entry.find("kid");
  if (kid == entry.end() || !kid->is_string() || !isValidKid(kid->get<std::string>())) {
    return Error{where + ".kid is not 1-12 characters of [a-z0-9-]"};
  }
  const auto publicKey = entry.find("publicKey");
  const auto expected = publicKey != entry.end() && publicKey->is_string()
                            ? base64urlDecode(publicKey->get<std::string>())
                            : std::nullopt;
  if (!expected || expected->size() != kPublicKeyBytes) {
    return Error{where + ".publicKey is not 32 bytes of base64url"};
  }
  const auto created = timeMember(entry, "created");
  const auto signUntil = timeMember(entry, "signUntil");
  const auto verifyUntil = timeMember(entry, "verifyUntil");
  if (!created || !signUntil || !verifyUntil) {
    return Error{where + ": created, signUntil and verifyUntil must be epoch seconds"};
  }
  const std::string kidText = kid->get<std::string>();
  auto seed = readFile(seedPath(dir, kidText), kSeedBytes, /*secret=*/true);
  if (!seed) return Error{seed.error()};
  auto key = SigningKey::fromSeed(kidText, seed.value(), {*created, *signUntil, *verifyUntil});
  sodium_memzero(seed->data(), seed->size());
  if (!key) return Error{key.error()};
  if (!std::equal(expected->begin(), expected->end(), key->publicKey().begin())) {
    return Error{"key " + kidText + ": the seed file does not match the public key in ring.json"};
  }
  return key;
}

Result<Done> removeStaleSeeds(const KeyRing& ring, const fs::path& dir) {
  std::set<std::string> kept;
  for (const auto& key : ring.keys()) kept.insert(key.kid() + kSeedSuffix);
  std::error_code ec;
  for (const auto& file : fs::directory_iterator(dir, ec)) {
    const std::string name = file.path().filename().string();
    const bool isSeed = name.size() > 5 && name.ends_with(kSeedSuffix) &&
                        isValidKid(std::string_view(name).substr(0, name.size() - 5));
    if (isSeed && !kept.contains(name) && ::unlink(file.path().c_str()) != 0) {
      return systemError("cannot remove", file.path());
    }
  }
  if (ec) return Error{"cannot list " + dir.string() + ": " + ec.message()};
  return Done{};
}

}  // namespace

Result<KeyRing> loadKeyRing(const fs::path& dir, KeyPolicy policy) {
  auto bytes = readFile(dir / kRingFile, kMaxRingBytes, /*secret=*/false);
  if (!bytes) return Error{bytes.error()};
  const auto doc = nlohmann::json::parse(bytes->begin(), bytes->end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Error{"ring.json is not a JSON object"};
  const auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || format->get<std::string>() != kFormat) {
    return Error{"ring.json: format is not \"onestop-keyring-v1\""};
  }
  const auto keys = doc.find("keys");
  if (keys == doc.end() || !keys->is_array()) return Error{"ring.json has no \"keys\" array"};
  KeyRing ring(policy);
  for (std::size_t i = 0; i < keys->size(); ++i) {
    auto key = loadKey((*keys)[i], dir, i);
    if (!key) return Error{key.error()};
    if (auto added = ring.add(std::move(key.value())); !added) return Error{added.error()};
  }
  return ring;
}

Result<Done> saveKeyRing(const KeyRing& ring, const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error{"cannot create " + dir.string() + ": " + ec.message()};
  if (::chmod(dir.c_str(), 0700) != 0) return systemError("cannot set the mode of", dir);

  nlohmann::json list = nlohmann::json::array();
  for (const auto& key : ring.keys()) {
    // Seeds first: ring.json never names a key whose seed is not on disk.
    if (auto written = writeAtomically(seedPath(dir, key.kid()), key.seed(), 0600); !written) {
      return written;
    }
    list.push_back({{"kid", key.kid()},
                    {"publicKey", base64urlEncode(key.publicKey())},
                    {"created", key.times().created},
                    {"signUntil", key.times().signUntil},
                    {"verifyUntil", key.times().verifyUntil}});
  }
  const std::string text =
      nlohmann::json{{"format", std::string(kFormat)}, {"keys", std::move(list)}}.dump(2) + "\n";
  const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
  if (auto written = writeAtomically(dir / kRingFile, {data, text.size()}, 0600); !written) {
    return written;
  }
  return removeStaleSeeds(ring, dir);
}

Result<KeyRing> openKeyRing(const fs::path& dir, KeyPolicy policy, Timestamp now) {
  std::error_code ec;
  const bool exists = fs::exists(dir / kRingFile, ec);
  if (ec) return Error{"cannot look into " + dir.string() + ": " + ec.message()};
  Result<KeyRing> ring = exists ? loadKeyRing(dir, policy) : Result<KeyRing>(KeyRing(policy));
  if (!ring) return ring;
  if (ring->rotateIfDue(now)) {
    if (auto saved = saveKeyRing(ring.value(), dir); !saved) return Error{saved.error()};
  }
  return ring;
}

}  // namespace onestop::central::seal
