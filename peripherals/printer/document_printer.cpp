#include "printer/document_printer.hpp"

#include <spdlog/spdlog.h>

#include <fmt/format.h>

namespace onestop::peripherals::printer {
namespace {

constexpr std::string_view kPrintForm = "Printer.PrintForm";
constexpr std::string_view kStatus = "Common.Status";

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

}  // namespace

DocumentPrinter::DocumentPrinter(DocumentPrinterConfig config)
    : config_(std::move(config)), cups_(std::make_unique<CupsConnection>(config_.server)) {
  status_.device = DeviceState::NoDevice;
}

DocumentPrinter::~DocumentPrinter() { stop(); }

void DocumentPrinter::start(EventSink sink) {
  if (thread_.joinable()) return;
  sink_ = std::move(sink);
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void DocumentPrinter::stop() {
  if (!thread_.joinable()) return;
  stopping_ = true;
  wake();
  thread_.join();
  commands_.completeAll({CompletionCode::Canceled, -1, "device stopped"});
  std::lock_guard lock(mutex_);
  jobs_.clear();
}

DeviceStatus DocumentPrinter::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

CommandHandle DocumentPrinter::execute(Command command) {
  const bool known = command.name == kStatus;
  CommandHandle handle = commands_.push(std::move(command));
  if (!known)
    commands_.complete(handle.id, {CompletionCode::UnsupportedCommand, -1,
                                   "unknown command (print through DocumentPrinter::print)"});
  else
    wake();
  return handle;
}

CommandHandle DocumentPrinter::print(std::string pdf, std::string title, std::chrono::milliseconds timeout) {
  CommandHandle handle = commands_.push({std::string(kPrintForm), timeout});
  {
    std::lock_guard lock(mutex_);
    jobs_[handle.id] = {std::move(pdf), std::move(title)};
  }
  wake();
  return handle;
}

bool DocumentPrinter::cancel(RequestId id) {
  const bool cancelled = commands_.cancel(id);
  wake();   // a job being followed notices at its next poll and cancels the CUPS job
  return cancelled;
}

void DocumentPrinter::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

bool DocumentPrinter::waitFor(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  const auto deadline = std::min(std::chrono::steady_clock::now() + delay, commands_.nextDeadline());
  wake_.wait_until(lock, deadline, [this] { return woken_ || stopping_.load(); });
  woken_ = false;
  return !stopping_;
}

void DocumentPrinter::setStatus(DeviceStatus next) {
  {
    std::lock_guard lock(mutex_);
    if (next == status_) return;
    status_ = next;
  }
  spdlog::info("{}: {} (queue {}){}{}", config_.deviceId, nameOf(next.device), config_.queue,
               next.description.empty() ? "" : ": ", next.description);
  if (sink_) sink_(DeviceEvent{config_.deviceId, std::chrono::steady_clock::now(), StatusChanged{std::move(next)}});
}

void DocumentPrinter::refreshStatus() {
  auto q = cups_->queueState(config_.queue);
  if (q) return setStatus(deviceStatusOf(q.value()));
  const auto& why = q.error();
  setStatus({why.code == CompletionCode::DeviceNotReady ? DeviceState::NoDevice : DeviceState::Offline,
             {{std::string(status::kPaper), "unknown"}}, why.description});
}

Completion DocumentPrinter::printJob(RequestId id, const Job& job) {
  refreshStatus();
  const auto before = status();
  if (before.device != DeviceState::Online)
    return {before.device == DeviceState::UserError ? CompletionCode::UserError : CompletionCode::DeviceNotReady, -1,
            "not printed: " + before.description};
  auto submitted = cups_->submitPdf(config_.queue, job.pdf, job.title);
  if (!submitted) return submitted.error();
  const int jobId = submitted.value();
  spdlog::info("{}: request {} is CUPS job {} ({} bytes)", config_.deviceId, id, jobId, job.pdf.size());

  // Follow the job to its end. A cancel or timeout of the command cancels the CUPS job.
  auto lastStatusCheck = std::chrono::steady_clock::now();
  for (;;) {
    auto s = cups_->jobStatus(config_.queue, jobId);
    if (!s) return s.error();
    switch (s->state) {
      case JobState::Completed: return {CompletionCode::Success, -1, fmt::format("job {} completed", jobId)};
      case JobState::Aborted:
      case JobState::Canceled:
      case JobState::Stopped: {
        refreshStatus();
        if (s->state == JobState::Stopped) cups_->cancelJob(config_.queue, jobId);   // do not let it print later
        const auto after = status();
        const auto code = after.device == DeviceState::UserError ? CompletionCode::UserError : CompletionCode::HardwareError;
        return {code, -1, fmt::format("job {} {} ({}){}{}", jobId, nameOf(s->state), joined(s->reasons),
                                      s->message.empty() ? "" : ": ", s->message)};
      }
      default: break;
    }
    if (!commands_.isOpen(id) || stopping_) {   // cancelled, timed out or stopping
      cups_->cancelJob(config_.queue, jobId);
      return {CompletionCode::Canceled, -1, fmt::format("job {} canceled", jobId)};
    }
    // The queue may stop or run out of paper while the job waits: say so at once.
    if (std::chrono::steady_clock::now() - lastStatusCheck > std::chrono::seconds(1)) {
      lastStatusCheck = std::chrono::steady_clock::now();
      refreshStatus();
      const auto now = status();
      if (now.device != DeviceState::Online) {
        cups_->cancelJob(config_.queue, jobId);
        return {now.device == DeviceState::UserError ? CompletionCode::UserError : CompletionCode::DeviceNotReady, -1,
                fmt::format("job {} not printed: {}", jobId, now.description)};
      }
    }
    waitFor(config_.jobPollInterval);
    commands_.expire(std::chrono::steady_clock::now());
  }
}

void DocumentPrinter::handleCommands() {
  commands_.expire(std::chrono::steady_clock::now());
  while (auto pending = commands_.take()) {
    if (stopping_) return;
    if (!commands_.isOpen(pending->id)) continue;
    if (pending->command.name == kPrintForm) {
      Job job;
      {
        std::lock_guard lock(mutex_);
        if (auto it = jobs_.find(pending->id); it != jobs_.end()) {
          job = std::move(it->second);
          jobs_.erase(it);
        }
      }
      const auto result = printJob(pending->id, job);
      spdlog::info("{}: request {}: {}{}{}", config_.deviceId, pending->id, nameOf(result.code),
                   result.description.empty() ? "" : ": ", result.description);
      commands_.complete(pending->id, result);
    } else {
      refreshStatus();
      const auto s = status();
      commands_.complete(pending->id, s.device == DeviceState::Online
                                          ? Completion::success()
                                          : Completion{CompletionCode::DeviceNotReady, -1, s.description});
    }
  }
}

void DocumentPrinter::run() {
  auto nextPoll = std::chrono::steady_clock::now();
  while (!stopping_) {
    handleCommands();
    if (std::chrono::steady_clock::now() >= nextPoll) {
      refreshStatus();
      nextPoll = std::chrono::steady_clock::now() + config_.statusInterval;
    }
    waitFor(std::chrono::duration_cast<std::chrono::milliseconds>(nextPoll - std::chrono::steady_clock::now()));
  }
}

}  // namespace onestop::peripherals::printer
