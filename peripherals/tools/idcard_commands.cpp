// onestop-devices idcard read | simulate | control, and the ID card row of `list`.
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "command_table.hpp"
#include "core/id_codes.hpp"
#include "core/masking.hpp"
#include "device/local_date.hpp"
#include "idcard/card_session.hpp"
#include "idcard/serial_transport.hpp"
#include "idcard/sim/card_image.hpp"
#include "idcard/sim/control_server.hpp"
#include "idcard/sim/simulator.hpp"

namespace onestop::peripherals::tools {
namespace {

using namespace std::chrono_literals;
namespace idc = idcard;

constexpr std::string_view kDefaultPort = "/dev/ttyUSB0";
constexpr std::string_view kDefaultControl = "/tmp/onestop-idcard.sock";

std::string date(const std::chrono::year_month_day& d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::string_view cardTypeZh(core::CardType t) {
  switch (t) {
    case core::CardType::Mainland: return "居民身份证 (resident ID card)";
    case core::CardType::HmtPermit: return "港澳台居民居住证 (HK/Macau/Taiwan residence permit, J)";
    case core::CardType::Foreign2017: return "外国人永久居留身份证 2017 (foreign permanent resident, I)";
    case core::CardType::Foreign2023: return "外国人永久居留身份证 2023 (foreign permanent resident, Y)";
  }
  return "?";
}

idc::SerialConfig serialFrom(Args& args) {
  idc::SerialConfig sc;
  sc.port = args.getOr("port", std::string(kDefaultPort));
  sc.baud = args.intOr("baud", 115200, 1200, 230400);
  sc.probeBaud = args.has("probe");
  return sc;
}

void printDeviceError(const Completion& c) {
  std::fprintf(stderr, "error: %s [%s]\n", c.description.c_str(), std::string(nameOf(c.code)).c_str());
}

std::unique_ptr<idc::PhotoDecoder> photoDecoderFrom(Args& args) {
  if (auto lib = args.get("photo-decoder")) {
    auto d = idc::loadVendorPhotoDecoder(*lib, args.getOr("photo-symbol", "onestop_wlt_to_bmp"));
    if (d) return std::move(d.value());
    std::fprintf(stderr, "warning: %s\n", d.error().description.c_str());
  }
  return idc::sim::makeSamplePhotoDecoder();   // decodes simulator cards only
}

void printIdentity(const core::Identity& id, bool fullName) {
  const auto name = [&](const std::string& n) { return fullName ? n : core::maskName(n); };
  std::printf("card type:    %s\n", std::string(cardTypeZh(id.cardType)).c_str());
  if (!id.name.empty()) std::printf("name:         %s\n", name(id.name).c_str());
  if (!id.englishName.empty()) std::printf("English name: %s\n", name(id.englishName).c_str());
  std::printf("gender:       %s (%d)\n", std::string(core::genderNameZh(id.genderCode)).c_str(), id.genderCode);
  if (id.cardType == core::CardType::Mainland)
    std::printf("ethnicity:    %s (%02d)\n", std::string(core::ethnicityNameZh(id.ethnicityCode)).c_str(),
                id.ethnicityCode);
  if (!id.nationality.empty()) std::printf("nationality:  %s\n", id.nationality.c_str());
  std::printf("birth date:   %s\n", date(id.birthDate).c_str());
  std::printf("ID number:    %s\n", core::maskIdNumber(id.idNumber).c_str());
  if (!id.passNumber.empty()) std::printf("pass number:  %s\n", core::maskIdNumber(id.passNumber).c_str());
  std::printf("valid:        %s – %s\n", date(id.validFrom).c_str(),
              id.validTo ? date(*id.validTo).c_str() : "长期 (long-term)");
  std::printf("photo:        %s\n", id.photo.empty() ? "not decoded (no WLT decoder for this card)"
                                                    : fmt::format("{} bytes BMP", id.photo.size()).c_str());
}

int runRead(Args& args) {
  const auto sc = serialFrom(args);
  const int timeoutS = args.intOr("timeout", 10, 1, 3600);
  if (!args.error().empty()) {
    std::fprintf(stderr, "onestop-devices: %s\n", args.error().c_str());
    return kExitUsage;
  }
  idc::SerialTransport transport(sc);
  auto decoder = photoDecoderFrom(args);
  idc::SessionOptions opts;
  opts.probeBaud = sc.probeBaud;
  idc::CardSession session(transport, opts, decoder.get());
  if (auto c = session.connect(); !c.ok()) {
    printDeviceError(c);
    return kExitDevice;
  }
  std::fprintf(stderr, "reader on %s; place a card (waiting up to %d s)...\n", transport.describe().c_str(), timeoutS);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutS);
  for (;;) {
    auto found = session.findCard();
    if (!found) {
      printDeviceError(found.error());
      return kExitDevice;
    }
    if (found.value() == idc::CardPresence::Present) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      std::fprintf(stderr, "error: no card within %d s\n", timeoutS);
      return kExitRefused;
    }
    std::this_thread::sleep_for(300ms);
  }
  const auto t0 = std::chrono::steady_clock::now();
  CardRead read = session.readCard(localToday());
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  if (read.identity) {
    printIdentity(*read.identity, args.has("full-name"));
    std::printf("read in:      %lld ms (select + 2 x read base info)\n", static_cast<long long>(ms.count()));
    return kExitOk;
  }
  std::printf("result:       %s (%s)\n", std::string(nameOf(read.outcome)).c_str(),
              std::string(read.reasonKey()).c_str());
  if (read.expiredOn) std::printf("expired on:   %s\n", date(*read.expiredOn).c_str());
  if (!read.completion.description.empty()) std::printf("detail:       %s\n", read.completion.description.c_str());
  if (read.completion.vendorCode >= 0)
    std::printf("SW3:          0x%02X (%s)\n", read.completion.vendorCode,
                std::string(idc::sw3Name(static_cast<std::uint8_t>(read.completion.vendorCode))).c_str());
  return kExitRefused;
}

int runSimulate(Args& args) {
  idc::sim::SimulatorConfig cfg;
  cfg.baud = args.intOr("baud", 115200, 1200, 230400);
  cfg.wireDelay = !args.has("no-wire-delay");
  cfg.linkPath = args.getOr("link", "");
  cfg.peoplePath = args.getOr("people", "");
  const std::string control = args.getOr("control", std::string(kDefaultControl));
  if (!args.error().empty()) {
    std::fprintf(stderr, "onestop-devices: %s\n", args.error().c_str());
    return kExitUsage;
  }
  auto sim = idc::sim::IdCardSimulator::create(cfg);
  if (!sim) {
    printDeviceError(sim.error());
    return kExitDevice;
  }
  auto server = idc::sim::ControlServer::start(*sim.value(), control);
  if (!server) {
    printDeviceError(server.error());
    return kExitDevice;
  }
  if (auto key = args.get("present")) std::printf("%s\n", sim.value()->control("present " + *key).c_str());
  std::printf("simulated ID card reader (GA 467) at %d baud%s\n", cfg.baud, cfg.wireDelay ? "" : ", no wire delay");
  std::printf("pty:     %s\n", sim.value()->slavePath().c_str());
  if (!cfg.linkPath.empty()) std::printf("link:    %s\n", cfg.linkPath.c_str());
  std::printf("control: %s\n", control.c_str());
  std::printf("try:     onestop-devices idcard read --port %s\n", sim.value()->devicePath().c_str());
  std::printf("type control lines here (help, present worker, remove, fault bad-checksum, ...); Ctrl-C quits\n");
  std::fflush(stdout);

  // Wait for SIGINT/SIGTERM while serving control lines from stdin.
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &mask, nullptr);
  const int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
  bool stdinOpen = true;
  std::string line;
  for (;;) {
    pollfd fds[2] = {{sfd, POLLIN, 0}, {stdinOpen ? STDIN_FILENO : -1, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;
    if (fds[0].revents & POLLIN) break;
    if (fds[1].revents & (POLLIN | POLLHUP)) {
      char buf[256];
      const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
      if (n <= 0) {
        stdinOpen = false;
        continue;
      }
      line.append(buf, static_cast<std::size_t>(n));
      for (std::size_t nl; (nl = line.find('\n')) != std::string::npos;) {
        const std::string cmd = line.substr(0, nl);
        line.erase(0, nl + 1);
        if (cmd.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::printf("%s\n", sim.value()->control(cmd).c_str());
        std::fflush(stdout);
      }
    }
  }
  ::close(sfd);
  return kExitOk;
}

int runControl(Args& args) {
  const std::string control = args.getOr("control", std::string(kDefaultControl));
  std::string line;
  for (const auto& w : args.positional()) line += (line.empty() ? "" : " ") + w;
  if (line.empty()) {
    std::fprintf(stderr, "usage: onestop-devices idcard control [--control PATH] <present KEY|remove|fault NAME|status>\n");
    return kExitUsage;
  }
  auto reply = idc::sim::sendControlLine(control, line);
  if (!reply) {
    printDeviceError(reply.error());
    return kExitDevice;
  }
  std::printf("%s\n", reply.value().c_str());
  return reply.value().rfind("ok", 0) == 0 ? kExitOk : kExitRefused;
}

int runList(Args& args) {
  const auto sc = serialFrom(args);
  if (!args.error().empty()) {
    std::fprintf(stderr, "onestop-devices: %s\n", args.error().c_str());
    return kExitUsage;
  }
  std::printf("%-8s %-12s %-28s %-14s %s\n", "DEVICE", "CLASS", "LINK", "STATUS", "DETAILS");
  idc::SerialTransport transport(sc);
  idc::SessionOptions opts;
  opts.probeBaud = sc.probeBaud;
  opts.timings.command = 500ms;
  idc::CardSession session(transport, opts);
  std::string state = "online", details;
  const Completion c = session.connect();
  if (!c.ok()) {
    state = c.vendorCode >= 0 ? "hardwareError" : c.code == CompletionCode::DeviceNotReady ? "noDevice" : "offline";
    details = c.description;
  } else if (auto found = session.findCard(); found) {
    details = found.value() == idc::CardPresence::Present ? "media=present" : "media=notPresent";
  } else {
    state = "offline";
    details = found.error().description;
  }
  std::printf("%-8s %-12s %-28s %-14s %s\n", "idcard", "CardReader", transport.describe().c_str(), state.c_str(),
              details.c_str());
  // The camera counts for the exit code only when it was asked about.
  const bool cameraOnline = printCameraListRow(args.getOr("camera", "/dev/video0"));
  return state == "online" && (cameraOnline || !args.get("camera")) ? kExitOk : kExitDevice;
}

}  // namespace

std::vector<Subcommand> deviceListCommands() {
  return {{{"list"}, "[--port P] [--baud B] [--probe] [--camera DEV]", "every configured device and its status",
           {"probe"}, runList}};
}

std::vector<Subcommand> idcardCommands() {
  return {
      {{"idcard", "read"},
       "[--port P] [--baud B] [--probe] [--timeout S] [--full-name] [--photo-decoder LIB]",
       "one read cycle: waits for a card and prints it (ID number masked)",
       {"probe", "full-name"},
       runRead},
      {{"idcard", "simulate"},
       "[--link PATH] [--control PATH] [--baud B] [--no-wire-delay] [--people FILE] [--present KEY]",
       "runs the GA 467 reader simulator on a pseudo terminal",
       {"no-wire-delay"},
       runSimulate},
      {{"idcard", "control"},
       "[--control PATH] <present KEY | remove | fault NAME [N] | status | people>",
       "sends one control line to a running simulator",
       {},
       runControl},
  };
}

}  // namespace onestop::peripherals::tools
