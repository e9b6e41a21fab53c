#include "idcard/serial_transport.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>

#include "idcard/baud.hpp"

namespace onestop::peripherals::idcard {
namespace {

std::string errnoText(int err) { return std::strerror(err); }

int msLeft(std::chrono::steady_clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

}  // namespace

bool isSupportedBaud(int baud) { return termiosSpeed(baud) != B0; }

SerialTransport::SerialTransport(SerialConfig config) : config_(std::move(config)), baud_(config_.baud) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
    wakeRead_ = fds[0];
    wakeWrite_ = fds[1];
  }
}

SerialTransport::~SerialTransport() {
  close();
  if (wakeRead_ >= 0) ::close(wakeRead_);
  if (wakeWrite_ >= 0) ::close(wakeWrite_);
}

Completion SerialTransport::open() {
  close();
  if (!isSupportedBaud(baud_))
    return {CompletionCode::InvalidData, -1, fmt::format("unsupported baud rate {}", baud_)};
  const int fd = ::open(config_.port.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return {CompletionCode::DeviceNotReady, -1, fmt::format("cannot open {}: {}", config_.port, errnoText(err))};
  }
  if (!::isatty(fd)) {
    ::close(fd);
    return {CompletionCode::DeviceNotReady, -1, fmt::format("{} is not a terminal device", config_.port)};
  }
  fd_ = fd;
  if (auto c = setBaud(baud_); !c.ok()) {
    close();
    return c;
  }
  discardInput();
  return Completion::success();
}

Completion SerialTransport::setBaud(int baud) {
  if (fd_ < 0) return {CompletionCode::DeviceNotReady, -1, "port not open"};
  const speed_t speed = termiosSpeed(baud);
  if (speed == B0) return {CompletionCode::InvalidData, -1, fmt::format("unsupported baud rate {}", baud)};
  termios tio{};
  if (::tcgetattr(fd_, &tio) != 0) {
    const int err = errno;
    return {CompletionCode::HardwareError, -1, fmt::format("tcgetattr {}: {}", config_.port, errnoText(err))};
  }
  ::cfmakeraw(&tio);
  tio.c_cflag |= CLOCAL | CREAD;
  tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | PARENB | CRTSCTS);
  tio.c_cflag = (tio.c_cflag & ~static_cast<tcflag_t>(CSIZE)) | CS8;
  tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
  tio.c_cc[VMIN] = 0;   // poll(2) does the waiting
  tio.c_cc[VTIME] = 0;
  ::cfsetispeed(&tio, speed);
  ::cfsetospeed(&tio, speed);
  if (::tcsetattr(fd_, TCSANOW, &tio) != 0) {
    const int err = errno;
    return {CompletionCode::HardwareError, -1, fmt::format("tcsetattr {}: {}", config_.port, errnoText(err))};
  }
  baud_ = baud;
  return Completion::success();
}

void SerialTransport::close() {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

Completion SerialTransport::write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) {
  if (fd_ < 0) return {CompletionCode::DeviceNotReady, -1, "port not open"};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
      const int err = errno;
      return {CompletionCode::HardwareError, -1, fmt::format("write {}: {}", config_.port, errnoText(err))};
    }
    pollfd p{fd_, POLLOUT, 0};
    const int left = msLeft(deadline);
    if (left == 0 || ::poll(&p, 1, left) == 0)
      return {CompletionCode::TimeOut, -1, fmt::format("write to {} timed out", config_.port)};
  }
  return Completion::success();
}

Expected<std::size_t> SerialTransport::read(std::span<std::uint8_t> buffer, std::chrono::milliseconds timeout) {
  if (fd_ < 0) return Completion{CompletionCode::DeviceNotReady, -1, "port not open"};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wakeRead_, POLLIN, 0}};
    const int r = ::poll(fds, wakeRead_ >= 0 ? 2 : 1, msLeft(deadline));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      const int err = errno;
      return Completion{CompletionCode::HardwareError, -1, fmt::format("poll {}: {}", config_.port, errnoText(err))};
    }
    if (wakeRead_ >= 0 && (fds[1].revents & POLLIN)) return Completion{CompletionCode::Canceled, -1, "read interrupted"};
    if (r == 0) return Completion{CompletionCode::TimeOut, -1, "no data from reader"};
    if (fds[0].revents & POLLIN) {
      const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
      if (n > 0) return static_cast<std::size_t>(n);
      if (n < 0 && (errno == EAGAIN || errno == EINTR) && msLeft(deadline) > 0) continue;
    }
    // Readable but nothing to read (EOF, EIO), or an error/hang-up: the link is gone.
    return Completion{CompletionCode::HardwareError, -1, fmt::format("{} disconnected", config_.port)};
  }
}

void SerialTransport::discardInput() {
  if (fd_ >= 0) ::tcflush(fd_, TCIFLUSH);
}

void SerialTransport::interrupt() {
  if (wakeWrite_ >= 0) {
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(wakeWrite_, &c, 1);
  }
}

void SerialTransport::clearInterrupt() {
  if (wakeRead_ < 0) return;
  char buf[64];
  while (::read(wakeRead_, buf, sizeof buf) > 0) {
  }
}

std::string SerialTransport::describe() const { return fmt::format("{} @ {}", config_.port, baud_); }

}  // namespace onestop::peripherals::idcard
