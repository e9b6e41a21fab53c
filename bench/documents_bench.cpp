// onestop-bench-documents: what printing costs.
//   - rendering each certificate type to PDF (1 page, and a 3-page personal rights
//     record), its size, and the first page as a 100 dpi preview raster;
//   - a receipt: layout + ESC/POS bytes, and the simulated printer's PNG of it;
//   - a receipt printed through the real driver to the simulated printer on a pty (status
//     asked before and after, as in production);
//   - a certificate submitted through libcups to a real CUPS PDF queue until the job is
//     "completed" (the scheduler is started with tests/support/cups.sh; needs root).
// Figures are printed for people to read, never asserted.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "documents/certificate_renderer.hpp"
#include "documents/demo_receipts.hpp"
#include "documents/receipt.hpp"
#include "printer/document_printer.hpp"
#include "printer/file_link.hpp"
#include "printer/receipt_printer.hpp"
#include "printer/sim/escpos_interpreter.hpp"
#include "printer/sim/escpos_simulator.hpp"
#include "printer/sim/receipt_image.hpp"

using namespace std::chrono;
using namespace onestop;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

documents::IssuedCertificate fixture(const std::string& name) {
  auto c = documents::parseIssuedCertificate(readFile(fs::path(ONESTOP_CERTIFICATE_FIXTURES) / (name + ".json")));
  if (!c) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), c.error().c_str());
    std::exit(1);
  }
  return c.value();
}

// The retiree's record with earlier years added until it takes three pages (a long career).
documents::IssuedCertificate threePageRecord(const documents::CertificateRenderer& r) {
  auto j = nlohmann::json::parse(readFile(fs::path(ONESTOP_CERTIFICATE_FIXTURES) / "rights-record-retiree.json"));
  auto& years = j["document"]["contributionsByYear"];
  for (int added = 0; added < 60; ++added) {
    auto c = documents::parseIssuedCertificate(j.dump()).value();
    if (r.pageCount(c) >= 3) return c;
    auto first = years[0];
    first["year"] = first["year"].get<int>() - 1;
    first["paidMonths"] = 12;
    years.insert(years.begin(), first);
  }
  return documents::parseIssuedCertificate(j.dump()).value();
}

struct Stats {
  double median = 0, p90 = 0;
};

Stats timeIt(int runs, const std::function<void()>& fn) {
  fn();   // warm caches (fonts, glyphs) once; the kiosk renderer lives for the whole session
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = steady_clock::now();
    fn();
    ms.push_back(duration<double, std::milli>(steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 9 / 10)]};
}

void row(const std::string& what, const std::string& value, const std::string& note) {
  std::printf("| %-56s | %18s | %-48s |\n", what.c_str(), value.c_str(), note.c_str());
}

std::string fmtMs(Stats s) {
  char buf[64];
  if (s.p90 < 1)
    std::snprintf(buf, sizeof buf, "%.0f / %.0f us", s.median * 1000, s.p90 * 1000);
  else
    std::snprintf(buf, sizeof buf, "%.1f / %.1f ms", s.median, s.p90);
  return buf;
}

std::string fmtKb(std::size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
  return buf;
}

void certificates(const documents::CertificateRenderer& r, int runs) {
  struct Case {
    std::string label;
    documents::IssuedCertificate c;
  };
  std::vector<Case> cases = {
      {"participation certificate (worker)", fixture("participation-worker")},
      {"benefit certificate (retiree)", fixture("benefit-retiree")},
      {"personal rights record (worker, 18 years)", fixture("rights-record-worker")},
      {"personal rights record (retiree, 36 years)", fixture("rights-record-retiree")},
  };
  cases.push_back({"personal rights record (3 pages)", threePageRecord(r)});
  for (const auto& k : cases) {
    std::size_t size = 0;
    const auto pages = r.pageCount(k.c);
    const auto s = timeIt(runs, [&] { size = r.pdf(k.c).value().size(); });
    row("render PDF: " + k.label, fmtMs(s), std::to_string(pages) + " page(s), " + fmtKb(size) + ", median / p90");
  }
  const auto preview = timeIt(runs, [&] { (void)r.raster(cases[0].c, 0, 100).value(); });
  row("preview raster, page 1 at 100 dpi (827 x 1169)", fmtMs(preview), "what the kiosk shows before printing");
}

void receipts(int runs) {
  const auto all = documents::demoReceipts();
  const auto& filing = all[0].second;
  std::size_t bytes = 0;
  const auto encode = timeIt(runs * 10, [&] { bytes = documents::encodeReceipt(filing).value().size(); });
  row("receipt: layout + ESC/POS (filing)", fmtMs(encode), std::to_string(bytes) + " bytes of ESC/POS");
  const auto escpos = documents::encodeReceipt(filing).value();
  std::size_t png = 0;
  const auto image = timeIt(runs, [&] {
    peripherals::printer::sim::EscPosInterpreter interpreter;
    interpreter.feed(escpos);
    png = peripherals::printer::sim::renderReceiptPng(interpreter.takeReceipts().at(0)).value().size();
  });
  row("receipt: simulated printout as PNG", fmtMs(image), fmtKb(png) + " PNG, 640 px wide (203 dpi)");
}

void receiptThroughDriver(int runs) {
  namespace pr = peripherals::printer;
  auto sim = std::move(pr::sim::EscPosSimulator::create().value());
  pr::ReceiptPrinter printer({}, std::make_unique<pr::FileLink>(pr::FileLinkConfig{sim->devicePath()}));
  printer.start({});
  const auto bytes = documents::encodeReceipt(documents::demoReceipts()[0].second).value();
  int failed = 0;
  const auto s = timeIt(runs, [&] {
    auto h = printer.print(bytes, 10s);
    if (!h.completion.get().ok()) ++failed;
  });
  printer.stop();
  row("receipt printed: driver -> simulated printer (pty)", fmtMs(s),
      "status before and after; no wire delay" + std::string(failed ? ", FAILURES" : ""));
}

void cupsRoundTrip(const documents::CertificateRenderer& r, int runs) {
  if (::geteuid() != 0) {
    row("submit -> CUPS completed (PDF queue)", "skipped", "needs root (cupsd, cups-pdf)");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("onestop-bench-cups-" + std::to_string(::getpid()));
  const std::string script = ONESTOP_CUPS_SCRIPT;
  if (std::system((script + " start " + dir.string() + " >/dev/null").c_str()) != 0) {
    row("submit -> CUPS completed (PDF queue)", "skipped", "could not start CUPS (see tests/support/cups.sh)");
    return;
  }
  std::string socket;
  std::ifstream env(dir / "env");
  for (std::string line; std::getline(env, line);)
    if (line.rfind("ONESTOP_CUPS_SERVER=", 0) == 0) socket = line.substr(20);
  namespace pr = peripherals::printer;
  pr::DocumentPrinterConfig config;
  config.server = {socket, 0};
  config.queue = "PDF";
  pr::DocumentPrinter printer(config);
  printer.start({});
  const auto c = fixture("participation-worker");
  const auto pdf = r.pdf(c).value();
  int failed = 0;
  const auto s = timeIt(runs, [&] {
    auto h = printer.print(pdf, "bench", 60s);
    if (!h.completion.get().ok()) ++failed;
  });
  printer.stop();
  std::system((script + " stop " + dir.string()).c_str());
  row("submit -> CUPS completed (PDF queue, 1 page)", fmtMs(s),
      "libcups, pdftopdf + pdftocairo + cups-pdf (gs)" + std::string(failed ? ", FAILURES" : ""));
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 20;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--runs" && i + 1 < argc) {
      runs = std::max(3, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: onestop-bench-documents [--runs N]\n");
      return 2;
    }
  }
  spdlog::set_level(spdlog::level::warn);
  const auto t0 = steady_clock::now();
  auto renderer = documents::CertificateRenderer::create();
  if (!renderer) {
    std::fprintf(stderr, "%s\n", renderer.error().c_str());
    return 1;
  }
  const double createMs = duration<double, std::milli>(steady_clock::now() - t0).count();

  std::printf("OneStop documents and printing benchmark — %d runs per figure (median / p90)\n\n", runs);
  std::printf("| %-56s | %18s | %-48s |\n", "figure", "value", "note");
  std::printf("|%s|%s|%s|\n", std::string(58, '-').c_str(), std::string(20, '-').c_str(), std::string(50, '-').c_str());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", createMs);
  row("renderer start (fontconfig, Pango)", buf, "once per kiosk process");
  certificates(renderer.value(), runs);
  receipts(runs);
  receiptThroughDriver(std::max(3, runs / 2));
  cupsRoundTrip(renderer.value(), std::max(3, runs / 4));
  return 0;
}
