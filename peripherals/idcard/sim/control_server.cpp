#include "idcard/sim/control_server.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <fmt/format.h>

namespace onestop::peripherals::idcard::sim {
namespace {

bool makeAddress(const std::string& path, sockaddr_un& addr) {
  addr = {};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof addr.sun_path) return false;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  return true;
}

constexpr std::size_t kMaxLine = 1024;

}  // namespace

Expected<std::unique_ptr<ControlServer>> ControlServer::start(IdCardSimulator& simulator,
                                                              const std::string& socketPath) {
  std::unique_ptr<ControlServer> s(new ControlServer(simulator, socketPath));
  sockaddr_un addr{};
  if (!makeAddress(socketPath, addr)) return Completion{CompletionCode::InvalidData, -1, "socket path too long"};
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return Completion{CompletionCode::InternalError, -1, "pipe2"};
  s->wakeRead_ = fds[0];
  s->wakeWrite_ = fds[1];
  s->listen_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s->listen_ < 0) return Completion{CompletionCode::InternalError, -1, "socket"};
  ::unlink(socketPath.c_str());   // a stale socket from a previous run
  if (::bind(s->listen_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s->listen_, 4) != 0)
    return Completion{CompletionCode::DeviceNotReady, -1, fmt::format("bind {}: {}", socketPath, std::strerror(errno))};
  s->thread_ = std::thread([p = s.get()] { p->run(); });
  return s;
}

ControlServer::~ControlServer() {
  stopping_ = true;
  if (wakeWrite_ >= 0) {
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(wakeWrite_, &c, 1);
  }
  if (thread_.joinable()) thread_.join();
  for (int fd : {listen_, wakeRead_, wakeWrite_})
    if (fd >= 0) ::close(fd);
  if (listen_ >= 0) ::unlink(path_.c_str());
}

void ControlServer::run() {
  while (!stopping_) {
    pollfd fds[2] = {{listen_, POLLIN, 0}, {wakeRead_, POLLIN, 0}};
    if (::poll(fds, 2, -1) <= 0) continue;
    if (fds[1].revents & POLLIN) return;
    if (!(fds[0].revents & POLLIN)) continue;
    const int client = ::accept4(listen_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    serve(client);
    ::close(client);
  }
}

void ControlServer::serve(int client) {
  std::string pending;
  char buf[256];
  while (!stopping_) {
    pollfd fds[2] = {{client, POLLIN, 0}, {wakeRead_, POLLIN, 0}};
    if (::poll(fds, 2, -1) <= 0) continue;
    if (fds[1].revents & POLLIN) return;
    const ssize_t n = ::read(client, buf, sizeof buf);
    if (n <= 0) return;
    pending.append(buf, static_cast<std::size_t>(n));
    for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
      const std::string reply = sim_.control(std::string_view(pending).substr(0, nl)) + "\n";
      pending.erase(0, nl + 1);
      if (::send(client, reply.data(), reply.size(), MSG_NOSIGNAL) < 0) return;
    }
    if (pending.size() > kMaxLine) return;   // not a line protocol client
  }
}

Expected<std::string> sendControlLine(const std::string& socketPath, const std::string& line) {
  sockaddr_un addr{};
  if (!makeAddress(socketPath, addr)) return Completion{CompletionCode::InvalidData, -1, "socket path too long"};
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Completion{CompletionCode::InternalError, -1, "socket"};
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const int err = errno;
    ::close(fd);
    return Completion{CompletionCode::DeviceNotReady, -1, fmt::format("connect {}: {}", socketPath, std::strerror(err))};
  }
  const std::string out = line + "\n";
  std::string reply;
  if (::send(fd, out.data(), out.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(out.size())) {
    char buf[512];
    for (;;) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 2000) <= 0) break;
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n <= 0) break;
      reply.append(buf, static_cast<std::size_t>(n));
      if (reply.find('\n') != std::string::npos) break;
    }
  }
  ::close(fd);
  if (reply.empty()) return Completion{CompletionCode::TimeOut, -1, "no reply from simulator"};
  reply.erase(reply.find('\n'));
  return reply;
}

}  // namespace onestop::peripherals::idcard::sim
