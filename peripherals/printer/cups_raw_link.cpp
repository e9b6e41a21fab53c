#include "printer/cups_raw_link.hpp"

#include <thread>

#include <fmt/format.h>

namespace onestop::peripherals::printer {

CupsRawLink::CupsRawLink(CupsServer server, std::string queue)
    : cups_(std::make_unique<CupsConnection>(std::move(server))), queue_(std::move(queue)) {}

CupsRawLink::~CupsRawLink() = default;

std::string CupsRawLink::describe() const { return fmt::format("CUPS queue {} on {}", queue_, cups_->describe()); }

Completion CupsRawLink::open() {
  auto state = cups_->queueState(queue_);
  if (!state) return state.error();
  const auto status = deviceStatusOf(state.value());
  if (status.device != DeviceState::Online) return {CompletionCode::DeviceNotReady, -1, status.description};
  open_ = true;
  return Completion::success();
}

Completion CupsRawLink::write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) {
  // A status request alone (DLE EOT) would become a job of its own: raw queues cannot answer.
  if (bytes.size() <= 3 && !bytes.empty() && bytes[0] == 0x10) return {CompletionCode::UnsupportedCommand, -1, "no status over CUPS"};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto job = cups_->submitRaw(queue_, {reinterpret_cast<const char*>(bytes.data()), bytes.size()}, "OneStop receipt");
  if (!job) {
    open_ = false;
    return job.error();
  }
  for (;;) {
    auto s = cups_->jobStatus(queue_, job.value());
    if (!s) return s.error();
    if (s->state == JobState::Completed) return Completion::success();
    if (s->state == JobState::Aborted || s->state == JobState::Canceled || s->state == JobState::Stopped) {
      if (s->state == JobState::Stopped) cups_->cancelJob(queue_, job.value());
      return {CompletionCode::HardwareError, -1, fmt::format("receipt job {} {}: {}", job.value(), nameOf(s->state), s->message)};
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      cups_->cancelJob(queue_, job.value());
      return {CompletionCode::TimeOut, -1, fmt::format("receipt job {} not completed in time", job.value())};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace onestop::peripherals::printer
