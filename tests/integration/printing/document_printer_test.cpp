// The A4 document printer through a real CUPS scheduler (ctest fixture "cups",
// tests/support/cups.sh): certificates printed with libcups to a cups-pdf queue come out
// as PDFs whose text and seal read back; a disabled queue, a job the printer fails, a
// printer out of paper, a missing queue and an unreachable scheduler give the right status.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "cups_test_server.hpp"
#include "document_checks.hpp"
#include "core/code_payload.hpp"
#include "documents/certificate_renderer.hpp"
#include "documents/wording.hpp"
#include "printer/document_printer.hpp"
#include "seal/seal.hpp"

using namespace onestop;
using namespace onestop::peripherals;
using namespace onestop::documents::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace pr = onestop::peripherals::printer;
namespace seal = onestop::central::seal;

namespace {

std::unique_ptr<pr::DocumentPrinter> printerFor(const std::string& queue) {
  pr::DocumentPrinterConfig config;
  config.server = {server().socket, 0};
  config.queue = queue;
  config.statusInterval = 500ms;
  auto p = std::make_unique<pr::DocumentPrinter>(config);
  p->start({});
  return p;
}

Completion printAndWait(pr::DocumentPrinter& printer, std::string pdf, std::string title) {
  auto handle = printer.print(std::move(pdf), std::move(title), 90s);
  REQUIRE(handle.completion.wait_for(100s) == std::future_status::ready);
  return handle.completion.get();
}

Completion statusOf(pr::DocumentPrinter& printer) {
  auto handle = printer.execute({"Common.Status", 10s});
  REQUIRE(handle.completion.wait_for(15s) == std::future_status::ready);
  return handle.completion.get();
}

// cups-pdf names its output <title>…-job_<id>.pdf.
fs::path outputOfJob(const std::string& description) {
  std::smatch m;
  REQUIRE(std::regex_search(description, m, std::regex(R"(job (\d+) completed)")));
  const std::string suffix = "-job_" + m[1].str() + ".pdf";
  for (int attempt = 0; attempt < 50; ++attempt) {   // the backend may still be closing the file
    for (const auto& e : fs::directory_iterator(server().out)) {
      const auto name = e.path().filename().string();
      if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) return e.path();
    }
    std::this_thread::sleep_for(100ms);
  }
  FAIL("no PDF for " << description << " in " << server().out);
  return {};
}

const documents::CertificateRenderer& renderer() {
  static const auto r = documents::CertificateRenderer::create().value();
  return r;
}

std::string titleOf(const documents::IssuedCertificate& c) {
  return std::string(documents::certificateTitle(c.type)) + " " + c.serial;   // never a name
}

}  // namespace

TEST_CASE("certificates printed through CUPS come out whole, readable and with a seal that verifies") {
  auto printer = printerFor("PDF");
  CHECK(statusOf(*printer).ok());
  CHECK(printer->status().device == DeviceState::Online);
  auto keys = seal::publicKeysFromJson(readFile(fixturePath("keys")));
  REQUIRE(keys.ok());
  for (std::string name : {"participation-worker", "rights-record-retiree", "benefit-retiree", "participation-rare-name"}) {
    CAPTURE(name);
    const auto c = loadFixture(name);
    auto pdf = renderer().pdf(c);
    REQUIRE(pdf.ok());
    const auto done = printAndWait(*printer, pdf.value(), titleOf(c));
    REQUIRE_MESSAGE(done.ok(), done.description);
    const auto printed = outputOfJob(done.description);

    CHECK(pdfPages(printed) == renderer().pageCount(c));
    const auto text = pdfText(printed);
    CHECK(text.find(std::string(documents::certificateTitle(c.type))) != std::string::npos);
    // CUPS' PostScript step keeps text outside the BMP (𠈌, Ext B) only as glyphs, not as
    // searchable text; those are checked on the rendered page below.
    if (std::all_of(c.holder.name.begin(), c.holder.name.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0xF0; }))
      CHECK(text.find(c.holder.name) != std::string::npos);
    CHECK(text.find(c.holder.idNumberMasked) != std::string::npos);
    CHECK(text.find(c.serial) != std::string::npos);
    CHECK(text.find(c.verificationCodePrinted) != std::string::npos);

    // The printed page looks as the kiosk drew it: no glyph lost on the way through CUPS.
    const auto page = renderWithPoppler(printed, 1, 100);
    const auto differences = inkDifferences(toGrey(renderer().raster(c, 0, 100).value()), page, 15);
    for (const auto& d : differences) MESSAGE(d);
    CHECK(differences.empty());

    const auto codes = readQrCodes(renderWithPoppler(printed, 1, 150));
    REQUIRE(codes.size() == 1);
    const auto read = onestop::core::classifyCode(codes[0]);
    CHECK(read.value == c.seal);
    const auto v = seal::verifySeal(read.value, keys.value(), c.issuedAt.time_since_epoch().count() + 60);
    CHECK_MESSAGE(v.valid(), v.message);
  }
}

TEST_CASE("a disabled queue is offline and a job for it is refused without printing") {
  auto printer = printerFor("DISABLED");
  const auto status = statusOf(*printer);
  CHECK(status.code == CompletionCode::DeviceNotReady);
  const auto s = printer->status();
  CHECK(s.device == DeviceState::Offline);
  CHECK(s.description.find("disabled by the test set-up") != std::string::npos);
  const auto done = printAndWait(*printer, renderer().pdf(loadFixture("benefit-retiree")).value(), "待遇领取证明 test");
  CHECK(done.code == CompletionCode::DeviceNotReady);
  CHECK(done.description.find("not printed") != std::string::npos);
}

TEST_CASE("a job the printer fails ends aborted, and printing says so") {
  auto printer = printerFor("FAILING");
  CHECK(statusOf(*printer).ok());
  const auto done = printAndWait(*printer, renderer().pdf(loadFixture("benefit-retiree")).value(), "待遇领取证明 test");
  CHECK(done.code == CompletionCode::HardwareError);
  CHECK_MESSAGE(done.description.find("aborted") != std::string::npos, done.description);
}

TEST_CASE("a printer out of paper fails the job as a user error and reports paper out") {
  auto printer = printerFor("NOPAPER");
  CHECK(statusOf(*printer).ok());
  const auto done = printAndWait(*printer, renderer().pdf(loadFixture("benefit-retiree")).value(), "待遇领取证明 test");
  CHECK_MESSAGE(done.code == CompletionCode::UserError, done.description);
  const auto s = printer->status();
  CHECK(s.device == DeviceState::UserError);
  CHECK(s.details.at("paper") == "out");
}

TEST_CASE("a missing queue is noDevice and an unreachable scheduler is offline") {
  auto missing = printerFor("NO-SUCH-QUEUE");
  CHECK(statusOf(*missing).code == CompletionCode::DeviceNotReady);
  CHECK(missing->status().device == DeviceState::NoDevice);

  pr::DocumentPrinterConfig config;
  config.server = {"/nonexistent/cups.sock", 0};
  config.queue = "PDF";
  pr::DocumentPrinter unreachable(config);
  unreachable.start({});
  CHECK(statusOf(unreachable).code == CompletionCode::DeviceNotReady);
  CHECK(unreachable.status().device == DeviceState::Offline);
  CHECK(unreachable.status().description.find("not reachable") != std::string::npos);
}
