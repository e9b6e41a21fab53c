#include "idcard/reader.hpp"

#include <spdlog/spdlog.h>

#include "device/local_date.hpp"
#include "idcard/frame.hpp"

namespace onestop::peripherals::idcard {
namespace {

constexpr std::string_view kReadRawData = "CardReader.ReadRawData";
constexpr std::string_view kReset = "Common.Reset";
constexpr std::string_view kStatus = "Common.Status";

bool isSamFault(const Completion& c) {
  return c.vendorCode == sw3::kSamSelfTest || c.vendorCode == sw3::kSamNotAuthorised;
}

SessionOptions withProbe(SessionOptions options, const SerialConfig& serial) {
  options.probeBaud = options.probeBaud || serial.probeBaud;
  return options;
}

}  // namespace

IdCardReader::IdCardReader(ReaderConfig config)
    : IdCardReader(config, std::make_unique<SerialTransport>(config.serial), nullptr) {}

IdCardReader::IdCardReader(ReaderConfig config, std::unique_ptr<Transport> transport,
                           std::unique_ptr<PhotoDecoder> photoDecoder)
    : config_(std::move(config)), transport_(std::move(transport)), photoDecoder_(std::move(photoDecoder)) {
  if (!config_.today) config_.today = [] { return localToday(); };
  if (!photoDecoder_ && !config_.photoDecoderLibrary.empty()) {
    auto loaded = loadVendorPhotoDecoder(config_.photoDecoderLibrary, config_.photoDecoderSymbol);
    if (loaded) photoDecoder_ = std::move(loaded.value());
    else spdlog::warn("idcard: no photo decoder: {}", loaded.error().description);
  }
  session_ = std::make_unique<CardSession>(*transport_, withProbe(config_.session, config_.serial), photoDecoder_.get());
  status_.device = DeviceState::NoDevice;
  status_.details[std::string(status::kMedia)] = std::string(status::kMediaUnknown);
}

IdCardReader::~IdCardReader() { stop(); }

void IdCardReader::setPhotoDecoder(std::unique_ptr<PhotoDecoder> decoder) {
  if (thread_.joinable()) return;   // only before start(): the device thread uses it
  photoDecoder_ = std::move(decoder);
  session_ = std::make_unique<CardSession>(*transport_, withProbe(config_.session, config_.serial), photoDecoder_.get());
}

void IdCardReader::start(EventSink sink) {
  if (thread_.joinable()) return;
  sink_ = std::move(sink);
  stopping_ = false;
  transport_->clearInterrupt();
  thread_ = std::thread([this] { run(); });
}

void IdCardReader::stop() {
  if (!thread_.joinable()) return;
  stopping_ = true;
  transport_->interrupt();   // ends a read blocked in poll(2) at once
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
  thread_.join();
  commands_.completeAll({CompletionCode::Canceled, -1, "device stopped"});
  transport_->close();
  connected_ = cardPresent_ = cardDone_ = false;
  readRequest_.reset();
}

DeviceStatus IdCardReader::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

CommandHandle IdCardReader::execute(Command command) {
  const bool known = command.name == kReadRawData || command.name == kReset || command.name == kStatus;
  CommandHandle handle = commands_.push(std::move(command));
  if (!known) {
    commands_.complete(handle.id, {CompletionCode::UnsupportedCommand, -1, "unknown command"});
    return handle;
  }
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
  return handle;
}

bool IdCardReader::cancel(RequestId requestId) {
  const bool cancelled = commands_.cancel(requestId);
  if (cancelled) {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
  return cancelled;
}

bool IdCardReader::waitFor(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  const auto deadline = std::min(std::chrono::steady_clock::now() + delay, commands_.nextDeadline());
  wake_.wait_until(lock, deadline, [this] { return woken_ || stopping_.load(); });
  woken_ = false;
  return !stopping_;
}

void IdCardReader::post(decltype(DeviceEvent::body) body) {
  if (sink_) sink_(DeviceEvent{config_.deviceId, std::chrono::steady_clock::now(), std::move(body)});
}

void IdCardReader::setStatus(DeviceState state, std::string_view media, std::string description) {
  DeviceStatus next;
  next.device = state;
  next.details[std::string(status::kMedia)] = std::string(media);
  next.details[std::string(status::kSecurity)] = state == DeviceState::Online ? "ready" : "notReady";
  next.description = std::move(description);
  {
    std::lock_guard lock(mutex_);
    if (next == status_) return;
    status_ = next;
  }
  spdlog::info("idcard: {} (media {}){}{}", nameOf(state), media, next.description.empty() ? "" : ": ",
               next.description);
  post(StatusChanged{std::move(next)});
}

void IdCardReader::run() {
  while (!stopping_) {
    handleCommands();
    if (!connected_ && !connectStep()) {
      waitFor(config_.reconnectInterval);
      continue;
    }
    pollStep();
    if (!waitFor(config_.pollInterval)) break;
  }
}

void IdCardReader::handleCommands() {
  commands_.expire(std::chrono::steady_clock::now());
  if (readRequest_ && !commands_.isOpen(*readRequest_)) readRequest_.reset();   // cancelled / timed out
  while (auto cmd = commands_.take()) {
    if (cmd->command.name == kStatus) {
      commands_.complete(cmd->id, Completion::success());
    } else if (cmd->command.name == kReset) {
      commands_.complete(cmd->id, connected_ ? session_->resetSam()
                                             : Completion{CompletionCode::DeviceNotReady, -1, status().description});
    } else if (cmd->command.name == kReadRawData) {
      if (readRequest_) commands_.complete(*readRequest_, {CompletionCode::Canceled, -1, "superseded"});
      readRequest_ = cmd->id;
      cardDone_ = false;   // read again even if this presentation was already read
      failedAttempts_ = 0;
    }
  }
}

bool IdCardReader::connectStep() {
  const Completion c = session_->connect();
  if (c.ok()) {
    connected_ = true;
    silentPolls_ = 0;
    spdlog::info("idcard: connected on {}", transport_->describe());
    setStatus(DeviceState::Online, status::kMediaUnknown, "");
    return true;
  }
  if (c.code == CompletionCode::Canceled) return false;
  goOffline(isSamFault(c) ? DeviceState::HardwareError
            : c.code == CompletionCode::DeviceNotReady ? DeviceState::NoDevice
                                                       : DeviceState::Offline,
            c);
  return false;
}

void IdCardReader::goOffline(DeviceState state, const Completion& why) {
  connected_ = false;
  transport_->close();
  if (cardPresent_) post(MediaRemoved{});   // we can no longer vouch for the card
  cardPresent_ = cardDone_ = false;
  failedAttempts_ = 0;
  silentPolls_ = 0;
  setStatus(state, status::kMediaUnknown, why.description);
}

void IdCardReader::pollStep() {
  auto found = session_->findCard();
  if (!found) {
    const Completion& err = found.error();
    if (err.code == CompletionCode::Canceled) return;
    if (isSamFault(err)) return goOffline(DeviceState::HardwareError, err);
    if (err.code == CompletionCode::HardwareError && err.vendorCode < 0) return goOffline(DeviceState::NoDevice, err);
    spdlog::debug("idcard: poll failed: {}", err.description);
    if (++silentPolls_ >= config_.maxSilentPolls) goOffline(DeviceState::Offline, err);
    return;
  }
  silentPolls_ = 0;
  if (found.value() == CardPresence::Present) {
    if (!cardPresent_) {
      cardPresent_ = true;
      cardDone_ = false;
      failedAttempts_ = 0;
      post(MediaInserted{});
      setStatus(DeviceState::Online, status::kMediaPresent, "");
    }
    if (!cardDone_) attemptRead();
    return;
  }
  if (cardPresent_) {
    if (!cardDone_ && failedAttempts_ > 0) {
      CardRead gone;
      gone.outcome = CardReadOutcome::Unreadable;
      gone.completion = {CompletionCode::UserError, lastFailure_.vendorCode,
                         "card removed before it could be read (" + lastFailure_.description + ")"};
      finishRead(std::move(gone));
    }
    cardPresent_ = cardDone_ = false;
    failedAttempts_ = 0;
    post(MediaRemoved{});
  }
  setStatus(DeviceState::Online, status::kMediaNotPresent, "");
}

void IdCardReader::attemptRead() {
  CardRead read = session_->readCard(config_.today());
  if (read.outcome == CardReadOutcome::Unreadable) {
    const Completion& err = read.completion;
    if (err.code == CompletionCode::Canceled) return;
    if (isSamFault(err)) return goOffline(DeviceState::HardwareError, err);
    if (err.code == CompletionCode::HardwareError && err.vendorCode < 0) return goOffline(DeviceState::NoDevice, err);
    lastFailure_ = err;
    spdlog::info("idcard: read attempt {} failed: {}", failedAttempts_ + 1, err.description);
    if (++failedAttempts_ < config_.maxReadAttempts) return;   // retried on the next poll
  }
  finishRead(std::move(read));
}

void IdCardReader::finishRead(CardRead read) {
  cardDone_ = true;
  if (readRequest_) {
    read.requestId = readRequest_;
    commands_.complete(*readRequest_, read.outcome == CardReadOutcome::Ok ? Completion::success() : read.completion);
    readRequest_.reset();
  }
  if (read.identity) {
    // No part of the ID number, masked or not: logs hold no personal data at all.
    spdlog::info("idcard: card read: {}", core::cardTypeKey(read.identity->cardType));
  } else {
    spdlog::info("idcard: card not accepted: {} ({})", nameOf(read.outcome), read.completion.description);
  }
  post(std::move(read));
}

}  // namespace onestop::peripherals::idcard
