#pragma once
// Helpers shared by the sync fault tests (heartbeat, fleet cache, trust, DNS, disk full,
// privacy): trust for the test PKI, bounded waits, a scripted HTTPS server, temporary
// directories, a tmpfs of a given size, and a search for planted personal data in files.
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "central_fixture.hpp"
#include "http/httplib.hpp"
#include "sync/network.hpp"

namespace synctest {

namespace fs = std::filesystem;
using onestop::central::test::pkiDir;
using namespace onestop::sync;

inline TrustConfig trustFor(int port, const std::string& kiosk = "kiosks/KIOSK-TEST-01",
                            const std::string& host = "127.0.0.1") {
  TrustConfig t;
  t.serverUrl = "https://" + host + ":" + std::to_string(port);
  t.caCert = pkiDir() + "/ca.crt";
  t.clientCert = pkiDir() + "/" + kiosk + ".crt";
  t.clientKey = pkiDir() + "/" + kiosk + ".key";
  t.connectTimeoutMs = 2000;
  t.lowSpeedSeconds = 3;
  return t;
}

/// Polls `pred` until it holds or `seconds` pass (a bound that fails on a hang, not a
/// measurement).
template <class Pred>
bool eventually(Pred pred, int seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return pred();
}

inline HttpResult exchange(Network& net, HttpRequest request, int boundSeconds = 30) {
  auto promise = std::make_shared<std::promise<HttpResult>>();
  auto future = promise->get_future();
  net.submit(std::move(request), [promise](std::uint64_t, HttpResult r) { promise->set_value(std::move(r)); });
  REQUIRE(future.wait_for(std::chrono::seconds(boundSeconds)) == std::future_status::ready);
  return future.get();
}

inline HttpRequest heartbeatProbe() {
  HttpRequest r;
  r.method = "POST";
  r.path = "/v1/fleet/heartbeat";
  r.body = R"({"softwareVersion":"0.0.1-probe","devices":[]})";
  r.totalTimeoutMs = 8000;
  return r;
}

inline std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void writeAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  REQUIRE(out.good());
}

/// A fresh directory, removed with everything in it at the end of the scope.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix) {
    std::string pattern = (fs::temp_directory_path() / ("onestop-" + prefix + "-XXXXXX")).string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// Runs a shell command; its output goes to `log` so a failure can show it.
inline int shell(const std::string& command, std::string* output = nullptr) {
  std::string out;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (!p) return -1;
  std::array<char, 4096> buf{};
  while (const auto n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int status = ::pclose(p);
  if (output) *output = out;
  return status;
}

/// An HTTPS server (server certificate of the test PKI, no client certificate asked) whose
/// answers the test scripts; `call` counts from 1.
class FaultServer {
 public:
  using Behave = std::function<void(const httplib::Request&, httplib::Response&, int call)>;
  explicit FaultServer(Behave behave)
      : server_((pkiDir() + "/server.crt").c_str(), (pkiDir() + "/server.key").c_str()) {
    auto handler = [this, behave](const httplib::Request& req, httplib::Response& res) { behave(req, res, ++calls); };
    server_.Get(".*", handler);
    server_.Post(".*", handler);
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    REQUIRE(eventually([this] { return server_.is_running(); }, 10));
  }
  ~FaultServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::atomic<int> calls{0};

 private:
  httplib::SSLServer server_;
  int port_ = 0;
  std::thread thread_;
};

/// A tmpfs of `kib` KiB mounted on a fresh directory (we run as root). The test process
/// first moves into a mount namespace of its own when it can (it is single-threaded at
/// the start of a test case under ctest), so the mount never outlives it; otherwise the
/// mount is made where it is and lazily unmounted at the end of the scope.
class SmallDisk {
 public:
  explicit SmallDisk(int kib) : dir_("smalldisk") {
    if (::unshare(CLONE_NEWNS) == 0) ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr);
    const auto options = "size=" + std::to_string(kib) + "k,mode=0700";
    REQUIRE_MESSAGE(::mount("tmpfs", dir_.path().c_str(), "tmpfs", 0, options.c_str()) == 0,
                    "mount tmpfs: " << std::strerror(errno) << " (the test must run as root)");
    mounted_ = true;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(dir_.path().c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  std::string operator/(const std::string& name) const { return dir_ / name; }
  const std::string& path() const { return dir_.path(); }

  /// Fills what is left with a file `name`; returns the bytes written.
  std::size_t fill(const std::string& name = "filler") {
    const int fd = ::open((dir_ / name).c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    REQUIRE(fd >= 0);
    std::string block(4096, 'z');
    std::size_t written = 0;
    while (true) {
      const auto n = ::write(fd, block.data(), block.size());
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    // A last few bytes in smaller pieces, so not even a partial page is left.
    while (::write(fd, "z", 1) == 1) ++written;
    ::close(fd);
    return written;
  }
  void unfill(const std::string& name = "filler") { ::unlink((dir_ / name).c_str()); }

 private:
  TempDir dir_;
  bool mounted_ = false;
};

// ---- planted personal data -------------------------------------------------------------

inline std::string utf16(const std::string& utf8, bool bigEndian) {
  std::string out;
  auto put = [&](char16_t u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xff);
    out += bigEndian ? hi : lo;
    out += bigEndian ? lo : hi;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    char32_t cp = 0;
    int len = 1;
    if (c < 0x80) cp = c;
    else if ((c >> 5) == 6) cp = c & 0x1f, len = 2;
    else if ((c >> 4) == 14) cp = c & 0x0f, len = 3;
    else cp = c & 0x07, len = 4;
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3f);
    i += static_cast<std::size_t>(len);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put(static_cast<char16_t>(0xd800 + (cp >> 10)));
      put(static_cast<char16_t>(0xdc00 + (cp & 0x3ff)));
    } else {
      put(static_cast<char16_t>(cp));
    }
  }
  return out;
}

/// The ways a planted string could sit in a file: UTF-8, UTF-16LE, UTF-16BE.
inline std::vector<std::string> encodings(const std::string& utf8) { return {utf8, utf16(utf8, false), utf16(utf8, true)}; }

/// Every file under `root` (recursively) holding any encoding of any needle, as
/// "path: needle #i (encoding e)".
inline std::vector<std::string> findPlanted(const std::string& root, const std::vector<std::string>& needles) {
  std::vector<std::string> hits;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const auto bytes = readAll(it->path().string());
    for (std::size_t n = 0; n < needles.size(); ++n) {
      const auto forms = encodings(needles[n]);
      for (std::size_t e = 0; e < forms.size(); ++e)
        if (bytes.find(forms[e]) != std::string::npos)
          hits.push_back(it->path().string() + ": needle #" + std::to_string(n) + " (encoding " + std::to_string(e) + ")");
    }
  }
  return hits;
}

}  // namespace synctest
