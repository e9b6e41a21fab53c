#include "printer/file_link.hpp"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace onestop::peripherals::printer {
namespace {

speed_t speedOf(int baud) {
  switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    default: return B115200;
  }
}

int msOf(std::chrono::milliseconds t) { return static_cast<int>(std::min<long long>(t.count(), 1 << 30)); }

}  // namespace

Completion FileLink::open() {
  close();
  fd_ = ::open(config_.path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd_ < 0) {
    const int err = errno;
    return {err == ENOENT ? CompletionCode::DeviceNotReady : CompletionCode::HardwareError, -1,
            fmt::format("open {}: {}", config_.path, std::strerror(err))};
  }
  tty_ = ::isatty(fd_) == 1;
  if (tty_) {
    termios tio{};
    if (::tcgetattr(fd_, &tio) == 0) {
      ::cfmakeraw(&tio);
      ::cfsetispeed(&tio, speedOf(config_.baud));
      ::cfsetospeed(&tio, speedOf(config_.baud));
      tio.c_cflag |= CLOCAL | CREAD;
      ::tcsetattr(fd_, TCSANOW, &tio);
    }
  }
  return Completion::success();
}

void FileLink::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Completion FileLink::write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) {
  if (fd_ < 0) return {CompletionCode::DeviceNotReady, -1, "link not open"};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return {CompletionCode::TimeOut, -1, fmt::format("printer took {} of {} bytes", done, bytes.size())};
    pollfd p{fd_, POLLOUT, 0};
    const int r = ::poll(&p, 1, msOf(left));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL)))
      return {CompletionCode::HardwareError, -1, fmt::format("{}: link lost while writing", config_.path)};
    if (r == 0) continue;
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return {CompletionCode::HardwareError, -1, fmt::format("write {}: {}", config_.path, std::strerror(errno))};
    }
    done += static_cast<std::size_t>(n);
  }
  return Completion::success();
}

Expected<std::optional<std::uint8_t>> FileLink::readByte(std::chrono::milliseconds timeout) {
  if (fd_ < 0) return Completion{CompletionCode::DeviceNotReady, -1, "link not open"};
  pollfd p{fd_, POLLIN, 0};
  int r;
  do r = ::poll(&p, 1, msOf(timeout));
  while (r < 0 && errno == EINTR);
  if (r < 0 || (p.revents & (POLLERR | POLLNVAL)))
    return Completion{CompletionCode::HardwareError, -1, fmt::format("{}: link lost while reading", config_.path)};
  if (r == 0 || !(p.revents & POLLIN)) return std::optional<std::uint8_t>{};
  std::uint8_t b = 0;
  const ssize_t n = ::read(fd_, &b, 1);
  if (n == 1) return std::optional<std::uint8_t>{b};
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return std::optional<std::uint8_t>{};
  return Completion{CompletionCode::HardwareError, -1, fmt::format("{}: link closed", config_.path)};
}

void FileLink::discardInput() {
  if (fd_ < 0) return;
  if (tty_) {
    ::tcflush(fd_, TCIFLUSH);
    return;
  }
  std::uint8_t buf[64];
  while (::read(fd_, buf, sizeof buf) > 0) {
  }
}

std::string FileLink::describe() const { return tty_ ? fmt::format("{} @ {}", config_.path, config_.baud) : config_.path; }

}  // namespace onestop::peripherals::printer
