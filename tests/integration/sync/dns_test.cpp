// A DNS server that never answers: the kiosk's request must end within its bounded timeout
// with an error, never hang. libcurl here resolves with getaddrinfo on a thread (no
// CURLOPT_DNS_SERVERS), which reads /etc/resolv.conf; so a child process moves into a mount
// namespace of its own (we run as root), bind-mounts over /etc/resolv.conf a file naming a
// loopback "name server" that takes every query and answers none, and makes the request
// there. The parent holds that name server's socket and checks the queries did arrive.
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>

#include "sync_support.hpp"

using namespace onestop::sync;
using namespace synctest;

namespace {

constexpr const char* kHost = "central.dns-never-answers.test";

// A UDP socket on port 53 of a loopback address of its own (127.x.y.z), so parallel tests
// and a local resolver never share it. Returns the fd and the address.
std::pair<int, std::string> silentNameServer() {
  std::random_device random;
  for (int attempt = 0; attempt < 50; ++attempt) {
    const unsigned x = 10 + random() % 240, y = random() % 250, z = 2 + random() % 250;
    const std::string address = "127." + std::to_string(x) + "." + std::to_string(y) + "." + std::to_string(z);
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(53);
    a.sin_addr.s_addr = htonl((127u << 24) | (x << 16) | (y << 8) | z);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) return {fd, address};
    ::close(fd);
  }
  FAIL("no loopback address free for port 53");
  return {-1, ""};
}

// In the child: everything after fork. Reports "<error kind>\t<text>" on `out`.
[[noreturn]] void child(int out, const std::string& resolvConf) {
  auto report = [&](const std::string& line) {
    (void)!::write(out, line.data(), line.size());
    ::close(out);
    ::_exit(0);
  };
  if (::unshare(CLONE_NEWNS) != 0) report(std::string("setup\tunshare: ") + std::strerror(errno));
  if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
    report(std::string("setup\tmount private: ") + std::strerror(errno));
  if (::mount(resolvConf.c_str(), "/etc/resolv.conf", nullptr, MS_BIND, nullptr) != 0)
    report(std::string("setup\tbind resolv.conf: ") + std::strerror(errno));
  TrustConfig trust = trustFor(8443, "kiosks/KIOSK-TEST-01", kHost);
  trust.connectTimeoutMs = 3000;   // covers the name lookup
  Network net(trust);
  HttpRequest request = heartbeatProbe();
  request.totalTimeoutMs = 6000;
  auto promise = std::make_shared<std::promise<HttpResult>>();
  auto future = promise->get_future();
  net.submit(request, [promise](std::uint64_t, HttpResult r) { promise->set_value(std::move(r)); });
  if (future.wait_for(std::chrono::seconds(30)) != std::future_status::ready) report("hang\tno completion in 30 s");
  const auto r = future.get();
  net.stop();
  report(std::string(r.answered() ? "answered" : netErrorName(r.error)) + "\t" + r.errorText);
  ::_exit(0);   // not reached
}

}  // namespace

TEST_CASE("a DNS server that never answers ends the request with a timeout, never a hang") {
  const auto [dns, address] = silentNameServer();
  TempDir dir("dns");
  // One try, and a long one: the lookup itself would take 30 s; the kiosk's timeout must end it.
  writeAll(dir / "resolv.conf", "nameserver " + address + "\noptions timeout:30 attempts:1\n");
  pkiDir();   // made before the fork, in the parent

  int pipeFds[2];
  REQUIRE(::pipe2(pipeFds, O_CLOEXEC) == 0);
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(pipeFds[0]);
    child(pipeFds[1], dir / "resolv.conf");
  }
  ::close(pipeFds[1]);
  std::string line;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(45);
  while (std::chrono::steady_clock::now() < until) {
    pollfd p{pipeFds[0], POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    char buf[1024];
    const auto n = ::read(pipeFds[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<size_t>(n));
  }
  ::close(pipeFds[0]);
  int status = 0;
  const bool exited = eventually([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, 15);
  if (!exited) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    FAIL("the child hung (its report so far: '" << line << "')");
  }
  INFO("child reported: " << line);
  REQUIRE(line.find('\t') != std::string::npos);
  const auto kind = line.substr(0, line.find('\t'));
  const auto text = line.substr(line.find('\t') + 1);
  REQUIRE(kind != "setup");
  CHECK(kind == netErrorName(NetError::Timeout));
  CHECK(text.find("esolv") != std::string::npos);   // "Resolving timed out after 3000 milliseconds"

  // The lookup did go to our silent name server: the timeout is the name server's silence,
  // not some other failure.
  int queries = 0;
  bool askedForHost = false;
  char packet[1500];
  while (true) {
    const auto n = ::recv(dns, packet, sizeof packet, MSG_DONTWAIT);
    if (n <= 0) break;
    ++queries;
    // The name is in the query as labels: "\x07central\x11dns-never-answers\x04test".
    const std::string bytes(packet, static_cast<size_t>(n));
    if (bytes.find("dns-never-answers") != std::string::npos) askedForHost = true;
  }
  ::close(dns);
  CHECK(queries >= 1);
  CHECK(askedForHost);
}
