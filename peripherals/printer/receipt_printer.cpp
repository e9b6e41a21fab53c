#include "printer/receipt_printer.hpp"

#include <spdlog/spdlog.h>

#include <fmt/format.h>

namespace onestop::peripherals::printer {
namespace {

using namespace std::chrono_literals;
using escpos::StatusRequest;

constexpr std::string_view kPrintRaw = "Printer.PrintRaw";
constexpr std::string_view kStatus = "Common.Status";
constexpr std::string_view kReset = "Common.Reset";

}  // namespace

DeviceStatus deviceStatusOf(const escpos::RealtimeStatus& s) {
  DeviceStatus d;
  d.device = DeviceState::Online;
  const std::string paper = s.paperOut ? "out" : s.paperNearEnd ? "low" : "full";
  d.details[std::string(status::kPaper)] = paper;
  d.details["cover"] = s.coverOpen ? "open" : "closed";
  if (s.paperOut || s.stoppedByPaperEnd) {
    d.device = DeviceState::UserError;
    d.description = "paper out";
  } else if (s.coverOpen) {
    d.device = DeviceState::UserError;
    d.description = "cover open";
  } else if (s.error) {
    d.device = DeviceState::HardwareError;
    d.description = "printer error (cutter or head)";
  } else if (s.offline) {
    d.device = DeviceState::Offline;
    d.description = "printer offline";
  }
  return d;
}

ReceiptPrinter::ReceiptPrinter(ReceiptPrinterConfig config, std::unique_ptr<PrinterLink> link)
    : config_(std::move(config)), link_(std::move(link)) {
  status_.device = DeviceState::NoDevice;
}

ReceiptPrinter::~ReceiptPrinter() { stop(); }

void ReceiptPrinter::start(EventSink sink) {
  if (thread_.joinable()) return;
  sink_ = std::move(sink);
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void ReceiptPrinter::stop() {
  if (!thread_.joinable()) return;
  stopping_ = true;
  wake();
  thread_.join();
  commands_.completeAll({CompletionCode::Canceled, -1, "device stopped"});
  link_->close();
  std::lock_guard lock(mutex_);
  jobs_.clear();
}

DeviceStatus ReceiptPrinter::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

CommandHandle ReceiptPrinter::execute(Command command) {
  const bool known = command.name == kStatus || command.name == kReset;
  CommandHandle handle = commands_.push(std::move(command));
  if (!known)
    commands_.complete(handle.id, {CompletionCode::UnsupportedCommand, -1,
                                   "unknown command (print through ReceiptPrinter::print)"});
  else
    wake();
  return handle;
}

CommandHandle ReceiptPrinter::print(std::vector<std::uint8_t> bytes, std::chrono::milliseconds timeout) {
  CommandHandle handle = commands_.push({std::string(kPrintRaw), timeout});
  {
    std::lock_guard lock(mutex_);
    jobs_[handle.id] = std::move(bytes);
  }
  wake();
  return handle;
}

bool ReceiptPrinter::cancel(RequestId id) {
  const bool cancelled = commands_.cancel(id);
  wake();
  return cancelled;
}

void ReceiptPrinter::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

bool ReceiptPrinter::waitFor(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  const auto deadline = std::min(std::chrono::steady_clock::now() + delay, commands_.nextDeadline());
  wake_.wait_until(lock, deadline, [this] { return woken_ || stopping_.load(); });
  woken_ = false;
  return !stopping_;
}

void ReceiptPrinter::setStatus(DeviceStatus next) {
  {
    std::lock_guard lock(mutex_);
    if (next == status_) return;
    status_ = next;
  }
  spdlog::info("{}: {} (paper {}){}{}", config_.deviceId, nameOf(next.device),
               next.details.count("paper") ? next.details.at("paper") : "unknown", next.description.empty() ? "" : ": ",
               next.description);
  if (sink_) sink_(DeviceEvent{config_.deviceId, std::chrono::steady_clock::now(), StatusChanged{std::move(next)}});
}

Expected<escpos::RealtimeStatus> ReceiptPrinter::queryStatus() {
  if (!link_->isOpen()) {
    if (auto c = link_->open(); !c.ok()) return c;
  }
  escpos::RealtimeStatus s;
  link_->discardInput();
  for (auto n : {StatusRequest::Printer, StatusRequest::OfflineCause, StatusRequest::PaperSensor}) {
    const auto request = escpos::statusRequestBytes(n);
    if (auto c = link_->write(request, config_.answerTimeout); !c.ok()) return c;
    auto answer = link_->readByte(config_.answerTimeout);
    if (!answer) return answer.error();
    if (!answer.value())
      return Completion{CompletionCode::DeviceNotReady, -1,
                        fmt::format("no answer to DLE EOT {} on {}", static_cast<int>(n), link_->describe())};
    if (!escpos::applyStatusByte(n, *answer.value(), s))
      return Completion{CompletionCode::HardwareError, *answer.value(),
                        fmt::format("answer {:#04x} to DLE EOT {} is not a status byte", *answer.value(), static_cast<int>(n))};
  }
  return s;
}

void ReceiptPrinter::refreshStatus() {
  if (!link_->readsStatus()) {
    // A link without answers (a CUPS raw queue) can only say whether it would take a job.
    const std::map<std::string, std::string> unknown{{std::string(status::kPaper), "unknown"}};
    if (auto c = link_->open(); !c.ok()) return setStatus({DeviceState::Offline, unknown, c.description});
    return setStatus({DeviceState::Online, unknown, "paper and cover not reported by " + link_->describe()});
  }
  auto s = queryStatus();
  if (s) return setStatus(deviceStatusOf(s.value()));
  const auto& why = s.error();
  if (why.code == CompletionCode::HardwareError && why.vendorCode < 0) link_->close();   // reopen next time
  const DeviceState state = !link_->isOpen() ? DeviceState::NoDevice : DeviceState::Offline;
  setStatus({state, {{std::string(status::kPaper), "unknown"}}, why.description});
}

Completion ReceiptPrinter::printJob(const std::vector<std::uint8_t>& bytes) {
  refreshStatus();
  auto before = status();
  if (before.device != DeviceState::Online)
    return {before.device == DeviceState::UserError ? CompletionCode::UserError : CompletionCode::DeviceNotReady, -1,
            "not printed: " + (before.description.empty() ? std::string(nameOf(before.device)) : before.description)};
  // About 1 ms per 10 bytes at 115200 baud, plus time for the printer to work off its buffer.
  const auto writeTimeout = 5s + std::chrono::milliseconds(bytes.size() / 10);
  if (auto c = link_->write(bytes, writeTimeout); !c.ok()) {
    refreshStatus();
    return c;
  }
  refreshStatus();
  auto after = status();
  if (!link_->readsStatus()) return Completion::success();   // sent; the link cannot tell more
  if (after.device != DeviceState::Online)
    return {after.device == DeviceState::UserError ? CompletionCode::UserError : CompletionCode::HardwareError, -1,
            "printing failed: " + (after.description.empty() ? std::string(nameOf(after.device)) : after.description)};
  return Completion::success();
}

void ReceiptPrinter::handleCommands() {
  commands_.expire(std::chrono::steady_clock::now());
  while (auto pending = commands_.take()) {
    if (stopping_) return;
    if (!commands_.isOpen(pending->id)) continue;
    if (pending->command.name == kPrintRaw) {
      std::vector<std::uint8_t> job;
      {
        std::lock_guard lock(mutex_);
        auto it = jobs_.find(pending->id);
        if (it != jobs_.end()) {
          job = std::move(it->second);
          jobs_.erase(it);
        }
      }
      const auto result = printJob(job);
      spdlog::info("{}: job {} ({} bytes): {}{}{}", config_.deviceId, pending->id, job.size(), nameOf(result.code),
                   result.description.empty() ? "" : ": ", result.description);
      commands_.complete(pending->id, result);
    } else if (pending->command.name == kReset) {
      const std::uint8_t init[] = {0x1B, '@'};
      auto c = link_->isOpen() ? link_->write(init, config_.answerTimeout) : link_->open();
      refreshStatus();
      commands_.complete(pending->id, c);
    } else {
      refreshStatus();
      const auto s = status();
      commands_.complete(pending->id, s.device == DeviceState::Online
                                          ? Completion::success()
                                          : Completion{CompletionCode::DeviceNotReady, -1, s.description});
    }
  }
}

void ReceiptPrinter::run() {
  auto nextPoll = std::chrono::steady_clock::now();
  while (!stopping_) {
    handleCommands();
    if (std::chrono::steady_clock::now() >= nextPoll) {
      refreshStatus();
      const bool absent = status().device == DeviceState::NoDevice;
      nextPoll = std::chrono::steady_clock::now() + (absent ? config_.reconnectInterval : config_.statusInterval);
    }
    waitFor(std::chrono::duration_cast<std::chrono::milliseconds>(nextPoll - std::chrono::steady_clock::now()));
  }
}

}  // namespace onestop::peripherals::printer
