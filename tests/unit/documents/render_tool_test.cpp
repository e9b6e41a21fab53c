// onestop-devices render: every document type from demo data to PDF and PNG; usage errors
// and bad input give their exit codes and a message, never a crash.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "document_checks.hpp"

#ifdef ONESTOP_DEVICES_EXE
using namespace onestop::documents::test;

namespace {

int exitCode(const std::string& args) {
  const int status = std::system((std::string(ONESTOP_DEVICES_EXE) + " " + args + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("onestop-devices render writes every certificate type as PDF and PNG") {
  TempDir dir;
  for (std::string type : {"participation", "rights-record", "benefit"}) {
    CAPTURE(type);
    const auto pdf = dir.path / (type + ".pdf");
    const auto png = dir.path / (type + ".png");
    CHECK(exitCode("render " + type + " --out " + pdf.string()) == 0);
    CHECK(pdfPages(pdf) >= 1);
    CHECK(exitCode("render " + type + " --out " + png.string() + " --dpi 60") == 0);
    CHECK(readFile(png).substr(1, 3) == "PNG");
  }
  const auto rare = dir.path / "rare.pdf";
  CHECK(exitCode("render participation --from " + fixturePath("participation-rare-name").string() + " --out " +
                 rare.string()) == 0);
  CHECK(pdfText(rare).find("测试䶮𠈌") != std::string::npos);
}

TEST_CASE("onestop-devices render draws each demo receipt as the simulated printer prints it") {
  TempDir dir;
  for (std::string name : {"filing", "filing-offline", "certificate", "queue-ticket", "rating"}) {
    CAPTURE(name);
    const auto png = dir.path / (name + ".png");
    CHECK(exitCode("render receipt --name " + name + " --out " + png.string()) == 0);
    CHECK(readFile(png).substr(1, 3) == "PNG");
  }
  const auto bin = dir.path / "filing.bin";
  CHECK(exitCode("render receipt --out " + bin.string()) == 0);
  CHECK(readFile(bin).substr(0, 2) == "\x1B@");   // ESC @ starts every receipt
  CHECK(exitCode("render receipt --name lottery --out " + bin.string()) == 2);
  CHECK(exitCode("render receipt --out " + (dir.path / "x.pdf").string()) == 2);
}

TEST_CASE("onestop-devices render refuses bad requests with the usage or input exit code") {
  TempDir dir;
  const auto out = (dir.path / "x.pdf").string();
  CHECK(exitCode("render") == 2);
  CHECK(exitCode("render lottery-ticket --out " + out) == 2);
  CHECK(exitCode("render participation") == 2);                         // no --out
  CHECK(exitCode("render participation --out " + dir.path.string() + "/x.doc") == 2);
  CHECK(exitCode("render benefit --out " + (dir.path / "x.png").string() + " --page 2") == 1);   // one page only
  std::ofstream(dir.path / "bad.json") << R"({"type":"participation"})";
  CHECK(exitCode("render participation --from " + (dir.path / "bad.json").string() + " --out " + out) == 1);
  CHECK(exitCode("render participation --from /nonexistent.json --out " + out) == 2);
}
#endif
