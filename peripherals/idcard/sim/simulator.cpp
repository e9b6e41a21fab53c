#include "idcard/sim/simulator.hpp"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>

#include "idcard/baud.hpp"

namespace onestop::peripherals::idcard::sim {
namespace {

struct FaultName {
  Fault fault;
  std::string_view name;
};
constexpr std::array<FaultName, 9> kFaultNames{{
    {Fault::None, "none"},
    {Fault::BadChecksum, "bad-checksum"},
    {Fault::Truncated, "truncated"},
    {Fault::PullMidRead, "pull-mid-read"},
    {Fault::FlakyRead, "flaky-read"},
    {Fault::Garbage, "garbage"},
    {Fault::Silence, "silence"},
    {Fault::SamSelfTest, "sam-0x60"},
    {Fault::SamNotAuthorised, "sam-0x66"},
}};

bool isStateFault(Fault f) {
  return f == Fault::Silence || f == Fault::SamSelfTest || f == Fault::SamNotAuthorised;
}

// A fixed, obviously fake SAM management number.
constexpr std::array<std::uint8_t, 16> kSamId{0x05, 0x00, 0x00, 0x00, 0x20, 0x26, 0x11, 0x23,
                                              0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01};

}  // namespace

std::string_view nameOf(Fault fault) {
  for (const auto& f : kFaultNames)
    if (f.fault == fault) return f.name;
  return "none";
}

std::optional<Fault> parseFault(std::string_view name) {
  if (name == "sam-selftest") return Fault::SamSelfTest;
  if (name == "sam-unauthorised" || name == "sam-unauthorized") return Fault::SamNotAuthorised;
  if (name == "clear") return Fault::None;
  for (const auto& f : kFaultNames)
    if (f.name == name) return f.fault;
  return std::nullopt;
}

std::vector<std::string_view> faultNames() {
  std::vector<std::string_view> out;
  for (const auto& f : kFaultNames) out.push_back(f.name);
  return out;
}

Expected<std::unique_ptr<IdCardSimulator>> IdCardSimulator::create(SimulatorConfig config) {
  if (termiosSpeed(config.baud) == B0)
    return Completion{CompletionCode::InvalidData, -1, fmt::format("unsupported baud {}", config.baud)};
  auto people = loadDemoPeople(config.peoplePath.empty() ? defaultPeoplePath() : config.peoplePath);
  if (!people) return people.error();
  std::unique_ptr<IdCardSimulator> sim(new IdCardSimulator(std::move(config), std::move(people.value())));
  if (auto c = sim->openPty(); !c.ok()) return c;
  sim->thread_ = std::thread([s = sim.get()] { s->run(); });
  return sim;
}

IdCardSimulator::IdCardSimulator(SimulatorConfig config, std::vector<DemoPerson> people)
    : config_(std::move(config)),
      people_(std::move(people)),
      wireDelay_(config_.wireDelay),
      haltAfterRead_(config_.haltAfterRead) {}

void IdCardSimulator::setHaltAfterRead(bool on) {
  std::lock_guard lock(mutex_);
  haltAfterRead_ = on;
}

IdCardSimulator::~IdCardSimulator() {
  stopping_ = true;
  if (wakeWrite_ >= 0) {
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(wakeWrite_, &c, 1);
  }
  if (thread_.joinable()) thread_.join();
  for (int fd : {master_, slaveKeepAlive_, wakeRead_, wakeWrite_})
    if (fd >= 0) ::close(fd);
  if (!linkPath_.empty()) ::unlink(linkPath_.c_str());
}

Completion IdCardSimulator::openPty() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return {CompletionCode::InternalError, -1, "pipe2 failed"};
  wakeRead_ = fds[0];
  wakeWrite_ = fds[1];

  master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0)
    return {CompletionCode::DeviceNotReady, -1, fmt::format("pseudo terminal: {}", std::strerror(errno))};
  std::array<char, 128> name{};
  if (::ptsname_r(master_, name.data(), name.size()) != 0)
    return {CompletionCode::DeviceNotReady, -1, "ptsname_r failed"};
  slavePath_ = name.data();
  ::fcntl(master_, F_SETFL, ::fcntl(master_, F_GETFL) | O_NONBLOCK);

  // Holding the slave open keeps the pty (and its settings) alive while no driver is
  // attached; raw mode so nothing is echoed or translated before the driver sets it.
  slaveKeepAlive_ = ::open(slavePath_.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slaveKeepAlive_ < 0) return {CompletionCode::DeviceNotReady, -1, "cannot open pty slave"};
  termios tio{};
  ::tcgetattr(slaveKeepAlive_, &tio);
  ::cfmakeraw(&tio);
  ::cfsetispeed(&tio, termiosSpeed(config_.baud));
  ::cfsetospeed(&tio, termiosSpeed(config_.baud));
  ::tcsetattr(slaveKeepAlive_, TCSANOW, &tio);

  if (!config_.linkPath.empty()) {
    struct stat st {};
    if (::lstat(config_.linkPath.c_str(), &st) == 0) {
      if (!S_ISLNK(st.st_mode))
        return {CompletionCode::InvalidData, -1, fmt::format("{} exists and is not a symlink", config_.linkPath)};
      ::unlink(config_.linkPath.c_str());
    }
    if (::symlink(slavePath_.c_str(), config_.linkPath.c_str()) != 0)
      return {CompletionCode::DeviceNotReady, -1,
              fmt::format("symlink {}: {}", config_.linkPath, std::strerror(errno))};
    linkPath_ = config_.linkPath;
  }
  return Completion::success();
}

Completion IdCardSimulator::present(std::string_view personKey) {
  const DemoPerson* p = findPerson(people_, personKey);
  if (!p) return {CompletionCode::InvalidData, -1, fmt::format("unknown demo person '{}'", personKey)};
  return presentCard(p->card);
}

Completion IdCardSimulator::presentCard(const DemoCard& card) {
  auto text = encodeTextBlock(card);
  if (!text) return text.error();
  std::lock_guard lock(mutex_);
  card_ = Card{text.value(), dummyWlt(card)};
  selected_ = halted_ = false;
  return Completion::success();
}

void IdCardSimulator::remove() {
  std::lock_guard lock(mutex_);
  card_.reset();
  selected_ = halted_ = false;
}

bool IdCardSimulator::cardPresent() const {
  std::lock_guard lock(mutex_);
  return card_.has_value();
}

void IdCardSimulator::setFault(Fault fault, std::optional<int> times) {
  std::lock_guard lock(mutex_);
  fault_ = fault;
  faultLeft_ = times.value_or(isStateFault(fault) ? 0 : 1);
}

void IdCardSimulator::clearFaults() { setFault(Fault::None, 0); }

SimulatorStats IdCardSimulator::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

bool IdCardSimulator::lineSpeedMatches() const {
  // The master shares the slave's termios, so this is the speed the driver set.
  termios tio{};
  if (::tcgetattr(master_, &tio) != 0) return true;
  return ::cfgetospeed(&tio) == termiosSpeed(config_.baud);
}

void IdCardSimulator::run() {
  FrameDecoder decoder(3);
  std::array<std::uint8_t, 512> buf{};
  while (!stopping_) {
    pollfd fds[2] = {{master_, POLLIN, 0}, {wakeRead_, POLLIN, 0}};
    if (::poll(fds, 2, 500) <= 0) continue;
    if (fds[1].revents & POLLIN) break;
    if (!(fds[0].revents & POLLIN)) continue;
    const ssize_t n = ::read(master_, buf.data(), buf.size());
    if (n <= 0) continue;
    if (!lineSpeedMatches()) {   // on a real line the bytes would arrive garbled
      decoder.reset();
      continue;
    }
    decoder.feed(std::span(buf).first(static_cast<std::size_t>(n)));
    for (;;) {
      const auto st = decoder.next();
      if (st == FrameDecoder::Status::NeedMore) break;
      if (st == FrameDecoder::Status::Frame) {
        if (auto req = parseRequestBody(decoder.body())) {
          {
            std::lock_guard lock(mutex_);
            ++stats_.requests;
          }
          handle(*req);
          continue;
        }
      }
      {
        std::lock_guard lock(mutex_);
        ++stats_.badRequests;
      }
      send(encodeResponse(st == FrameDecoder::Status::BadChecksum ? sw3::kChecksumError : sw3::kLengthError), SIZE_MAX);
    }
  }
}

bool IdCardSimulator::takeFault(Fault fault) {
  if (fault_ != fault) return false;
  if (faultLeft_ > 0 && --faultLeft_ == 0) fault_ = Fault::None;
  return true;
}

void IdCardSimulator::handle(const Request& request) {
  std::size_t cutAt = SIZE_MAX;
  Bytes frame;
  {
    std::lock_guard lock(mutex_);
    frame = respond(request, cutAt);
  }
  if (!frame.empty()) send(frame, cutAt);
}

Bytes IdCardSimulator::respond(const Request& req, std::size_t& cutAt) {
  if (takeFault(Fault::Silence)) return {};
  if (takeFault(Fault::SamSelfTest)) return encodeResponse(sw3::kSamSelfTest);
  if (takeFault(Fault::SamNotAuthorised)) return encodeResponse(sw3::kSamNotAuthorised);

  const auto is = [&](CommandCode c) { return req.code.cmd == c.cmd && req.code.para == c.para; };
  if (is(kResetSam) || is(kSamStatus)) return encodeResponse(sw3::kSuccess);
  if (is(kReadSamId)) return encodeResponse(sw3::kSuccess, kSamId);
  if (is(kSetMaxRfBytes)) return encodeResponse(req.data.size() == 1 ? sw3::kSuccess : sw3::kLengthError);
  if (is(kFindCard)) {
    static constexpr std::array<std::uint8_t, 4> kManagementNo{0, 0, 0, 0};
    return card_ && !halted_ ? encodeResponse(sw3::kFindOk, kManagementNo) : encodeResponse(sw3::kNoCard);
  }
  if (is(kSelectCard)) {
    static constexpr std::array<std::uint8_t, 8> kSerial{0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
    if (!card_) return encodeResponse(sw3::kSelectFailed);
    selected_ = true;
    return encodeResponse(sw3::kSuccess, kSerial);
  }
  if (is(kReadAppendedAddress)) return encodeResponse(card_ && selected_ ? sw3::kNoContent : sw3::kReadFailed);
  if (is(kReadBaseInfo) || is(kReadWithFingerprint)) {
    if (!card_ || !selected_) return encodeResponse(sw3::kReadFailed);
    const bool fingerprint = is(kReadWithFingerprint);
    Bytes data{0x01, 0x00, 0x04, 0x00};
    if (fingerprint) data.insert(data.end(), {0x00, 0x00});
    data.insert(data.end(), card_->text.begin(), card_->text.end());
    data.insert(data.end(), card_->photo.begin(), card_->photo.end());
    const std::size_t textAt = fingerprint ? 6 : 4;
    ++stats_.readsServed;

    // A flaky card reads differently every other time, like a marginal RF link.
    if (fault_ == Fault::FlakyRead && stats_.readsServed % 2 == 1 && takeFault(Fault::FlakyRead))
      data[textAt] = static_cast<std::uint8_t>(data[textAt] ^ 0x01);
    Bytes frame = encodeResponse(sw3::kSuccess, data);
    // Halting readers stop finding a card once it has been read (select and read still
    // work within the session; how real readers differ there is undocumented).
    if (haltAfterRead_ && card_) halted_ = true;
    if (takeFault(Fault::BadChecksum)) frame.back() = static_cast<std::uint8_t>(frame.back() ^ 0x5A);
    if (takeFault(Fault::Truncated)) cutAt = frame.size() / 2;
    if (takeFault(Fault::PullMidRead)) {
      cutAt = frame.size() * 2 / 5;
      card_.reset();   // gone before the rest of the frame could be read
      selected_ = false;
    }
    if (takeFault(Fault::Garbage)) {
      static constexpr std::array<std::uint8_t, 12> kNoise{0x00, 0xFF, 0xAA, 0xAA, 0x96, 0x13,
                                                           0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF};
      frame.insert(frame.begin(), kNoise.begin(), kNoise.end());
    }
    return frame;
  }
  return encodeResponse(sw3::kCommandError);
}

void IdCardSimulator::send(const Bytes& frame, std::size_t limit) {
  const std::size_t total = std::min(limit, frame.size());
  constexpr std::size_t kChunk = 64;
  // 8N1: ten bit times per byte.
  const auto perByte = std::chrono::nanoseconds(10'000'000'000LL / config_.baud);
  std::size_t done = 0;
  auto due = std::chrono::steady_clock::now();
  while (done < total && !stopping_) {
    const std::size_t n = std::min(kChunk, total - done);
    if (wireDelay_) {
      due += perByte * static_cast<long>(n);
      std::this_thread::sleep_until(due);
    }
    const ssize_t w = ::write(master_, frame.data() + done, n);
    if (w <= 0) {
      if (w < 0 && errno == EAGAIN) {
        pollfd p{master_, POLLOUT, 0};
        ::poll(&p, 1, 50);
        continue;
      }
      return;   // nobody on the line
    }
    done += static_cast<std::size_t>(w);
  }
}

std::string IdCardSimulator::control(std::string_view line) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
      std::size_t j = i;
      while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) ++j;
      if (j > i) out.emplace_back(s.substr(i, j - i));
      i = j;
    }
    return out;
  };
  const auto w = words(line);
  if (w.empty()) return "error empty command";
  const std::string& cmd = w[0];
  if (cmd == "present" && w.size() == 2) {
    const Completion c = present(w[1]);
    return c.ok() ? "ok present " + w[1] : "error " + c.description;
  }
  if (cmd == "remove" && w.size() == 1) {
    remove();
    return "ok removed";
  }
  if (cmd == "fault" && (w.size() == 2 || w.size() == 3)) {
    const auto f = parseFault(w[1]);
    if (!f) return "error unknown fault '" + w[1] + "'";
    std::optional<int> times;
    if (w.size() == 3) {
      char* end = nullptr;
      const long v = std::strtol(w[2].c_str(), &end, 10);
      if (!end || *end || v < 0 || v > 1000000) return "error bad count '" + w[2] + "'";
      times = static_cast<int>(v);
    }
    if (*f == Fault::None) clearFaults();
    else setFault(*f, times);
    return "ok fault " + std::string(nameOf(*f));
  }
  if (cmd == "status" && w.size() == 1) {
    std::lock_guard lock(mutex_);
    return fmt::format("ok card={} fault={} requests={} bad-requests={} reads={}", card_ ? "present" : "none",
                       nameOf(fault_), stats_.requests, stats_.badRequests, stats_.readsServed);
  }
  if (cmd == "people" && w.size() == 1) {
    std::string out = "ok";
    for (const auto& p : people_) out += " " + p.key;
    return out;
  }
  if (cmd == "help") {
    std::string faults;
    for (auto n : faultNames()) faults += fmt::format("{}{}", faults.empty() ? "" : "|", n);
    return "ok commands: present <person> | remove | fault <" + faults + "> [times] | status | people";
  }
  return "error unknown command (try: help)";
}

}  // namespace onestop::peripherals::idcard::sim
