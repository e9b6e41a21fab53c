// onestop-devices printer status | test-page | simulate: the receipt printer (ESC/POS over
// a USB node, serial port or the simulator's pty) and, with --queue, the A4 printer
// behind CUPS.
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "command_table.hpp"
#include "documents/test_page.hpp"
#include "printer/cups_raw_link.hpp"
#include "printer/document_printer.hpp"
#include "printer/escpos/escpos_writer.hpp"
#include "printer/file_link.hpp"
#include "printer/receipt_printer.hpp"
#include "printer/sim/escpos_simulator.hpp"

namespace onestop::peripherals::tools {
namespace {

using namespace std::chrono_literals;
namespace pr = printer;

constexpr std::string_view kDefaultPort = "/dev/usb/lp0";

int fail(const std::string& message, int code) {
  std::fprintf(stderr, "onestop-devices: %s\n", message.c_str());
  return code;
}

// The receipt printer's link: --raw-queue Q (a CUPS raw queue), else --port (device node,
// serial port, pty).
std::unique_ptr<pr::PrinterLink> linkFrom(Args& args) {
  if (auto queue = args.get("raw-queue"))
    return std::make_unique<pr::CupsRawLink>(pr::CupsServer{args.getOr("server", ""), args.intOr("server-port", 631, 1, 65535)},
                                             *queue);
  return std::make_unique<pr::FileLink>(
      pr::FileLinkConfig{args.getOr("port", std::string(kDefaultPort)), args.intOr("baud", 115200, 9600, 115200)});
}

void printStatus(const DeviceStatus& s) {
  std::printf("state:        %s\n", std::string(nameOf(s.device)).c_str());
  for (const auto& [k, v] : s.details) std::printf("%-13s %s\n", (k + ":").c_str(), v.c_str());
  if (!s.description.empty()) std::printf("detail:       %s\n", s.description.c_str());
}

// Runs the printer device just long enough for one command.
Completion once(Device& printer, CommandHandle handle, std::chrono::seconds limit) {
  if (handle.completion.wait_for(limit) != std::future_status::ready) {
    printer.cancel(handle.id);
    return {CompletionCode::TimeOut, -1, "no result in time"};
  }
  return handle.completion.get();
}

pr::DocumentPrinterConfig cupsFrom(Args& args) {
  pr::DocumentPrinterConfig config;
  config.queue = args.getOr("queue", "");
  config.server = {args.getOr("server", ""), args.intOr("server-port", 631, 1, 65535)};
  return config;
}

int runCupsStatus(Args& args) {
  const auto config = cupsFrom(args);
  if (!args.error().empty()) return fail(args.error(), kExitUsage);
  pr::DocumentPrinter printer(config);
  printer.start({});
  const auto c = once(printer, printer.execute({"Common.Status", 10s}), 12s);
  std::printf("printer:      A4 (CUPS queue %s)\n", config.queue.c_str());
  printStatus(printer.status());
  printer.stop();
  return c.ok() ? kExitOk : kExitDevice;
}

int runStatus(Args& args) {
  if (args.get("queue")) return runCupsStatus(args);
  auto link = linkFrom(args);
  if (!args.error().empty()) return fail(args.error(), kExitUsage);
  const auto where = link->describe();
  pr::ReceiptPrinter printer({}, std::move(link));
  printer.start({});
  const auto c = once(printer, printer.execute({"Common.Status", 5s}), 6s);
  std::printf("printer:      receipt (ESC/POS) on %s\n", where.c_str());
  printStatus(printer.status());
  printer.stop();
  return c.ok() ? kExitOk : kExitDevice;
}

std::vector<std::uint8_t> receiptTestPage() {
  escpos::EscPosWriter w;
  w.initialize().chineseMode(true).align(escpos::Alignment::Centre);
  w.size(2, 2).bold(true).line("打印机测试页").bold(false).size(1, 1);
  w.line("OneStop 自助终端 · 回执打印机");
  w.align(escpos::Alignment::Left).line(std::string(escpos::kColumns, '-'));
  w.line("中文（GB18030）：社会保险 参保缴费 待遇领取");
  w.line("数字与符号：0123456789 ABCDEFGH abcdefgh ()*-.");
  w.line("列宽：" + std::string(escpos::kColumns - 6, '=')) ;
  w.size(2, 1).line("倍宽 2x1").size(1, 2).line("倍高 1x2").size(3, 3).line("3x3").size(1, 1);
  w.bold(true).line("粗体 bold").bold(false);
  w.align(escpos::Alignment::Right).line("右对齐").align(escpos::Alignment::Centre).line("二维码（扫描应显示 OSR1.…）");
  w.qrCode("OSR1.2026112488406611", 7).feed(1);
  w.align(escpos::Alignment::Left).line(std::string(escpos::kColumns, '-')).feed(4).cut();
  return w.bytes();
}

int runA4TestPage(Args& args) {
  const auto config = cupsFrom(args);
  if (config.queue.empty()) return fail("test-page a4 needs --queue NAME (the CUPS queue)", kExitUsage);
  if (!args.error().empty()) return fail(args.error(), kExitUsage);
  auto ts = documents::Typesetter::create();
  if (!ts) return fail(ts.error(), kExitDevice);
  auto pdf = documents::renderTestPagePdf(ts.value());
  if (!pdf) return fail(pdf.error(), kExitDevice);
  pr::DocumentPrinter printer(config);
  printer.start({});
  const auto c = once(printer, printer.print(std::move(pdf.value()), "OneStop A4 test page", 120s), 125s);
  printStatus(printer.status());
  printer.stop();
  if (!c.ok()) return fail(std::string("test page not printed: ") + c.description + " [" + std::string(nameOf(c.code)) + "]",
                           c.code == CompletionCode::UserError ? kExitRefused : kExitDevice);
  std::printf("test page printed on %s (%s)\n", config.queue.c_str(), c.description.c_str());
  return kExitOk;
}

int runTestPage(Args& args) {
  const std::string kind = args.positional().empty() ? "receipt" : args.positional()[0];
  if (kind == "a4") return runA4TestPage(args);
  if (kind != "receipt") return fail("test-page: say `receipt` or `a4`", kExitUsage);
  auto link = linkFrom(args);
  if (!args.error().empty()) return fail(args.error(), kExitUsage);
  const auto where = link->describe();
  pr::ReceiptPrinter printer({}, std::move(link));
  printer.start({});
  const auto c = once(printer, printer.print(receiptTestPage(), 20s), 25s);
  printStatus(printer.status());
  printer.stop();
  if (!c.ok()) return fail(std::string("test page not printed: ") + c.description + " [" + std::string(nameOf(c.code)) + "]",
                           c.code == CompletionCode::UserError ? kExitRefused : kExitDevice);
  std::printf("test page printed on %s\n", where.c_str());
  return kExitOk;
}

int runSimulate(Args& args) {
  // Blocked before the simulator's thread starts, so that it inherits the mask and the
  // signal reaches signalfd: a clean stop removes the --link symlink.
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &mask, nullptr);
  const int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
  pr::sim::SimulatorConfig cfg{args.getOr("link", ""), args.getOr("out", "")};
  auto sim = pr::sim::EscPosSimulator::create(cfg);
  if (!sim) return fail(sim.error().description, kExitDevice);
  std::printf("simulated receipt printer (ESC/POS, 80 mm)\n");
  std::printf("port:     %s\n", sim.value()->devicePath().c_str());
  if (!cfg.outputDir.empty()) std::printf("receipts: %s/receipt-N.png\n", cfg.outputDir.c_str());
  std::printf("try:      onestop-devices printer test-page receipt --port %s\n", sim.value()->devicePath().c_str());
  std::printf("type control lines here (help, paper low, paper out, cover open, power off, status); Ctrl-C quits\n");
  std::fflush(stdout);

  bool stdinOpen = true;
  std::string pending;
  for (;;) {
    pollfd fds[2] = {{sfd, POLLIN, 0}, {stdinOpen ? STDIN_FILENO : -1, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;
    if (fds[0].revents & POLLIN) break;
    if (!(fds[1].revents & (POLLIN | POLLHUP))) continue;
    char buf[256];
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n <= 0) {
      stdinOpen = false;
      continue;
    }
    pending.append(buf, static_cast<std::size_t>(n));
    for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
      const std::string line = pending.substr(0, nl);
      pending.erase(0, nl + 1);
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::printf("%s\n", sim.value()->control(line).c_str());
      std::fflush(stdout);
    }
  }
  ::close(sfd);
  return kExitOk;
}

}  // namespace

std::vector<Subcommand> printerCommands() {
  return {
      {{"printer", "status"},
       "[--port P] [--baud B] | --raw-queue Q [--server S] | --queue Q [--server HOST|SOCKET] [--server-port N]",
       "the receipt printer's status (DLE EOT: paper, cover, online), or the A4 CUPS queue's (--queue)", {}, runStatus},
      {{"printer", "test-page"}, "receipt [--port P] [--baud B] [--raw-queue Q] | a4 --queue Q [--server HOST|SOCKET]",
       "prints a test page and reports whether it truly printed (CUPS: the job completed)", {}, runTestPage},
      {{"printer", "simulate"}, "[--link PATH] [--out DIR]",
       "runs a simulated ESC/POS receipt printer on a pseudo terminal (receipts as PNG in DIR)", {}, runSimulate},
  };
}

}  // namespace onestop::peripherals::tools
