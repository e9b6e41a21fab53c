// onestop-devices render TYPE --out FILE: any printed document from demo data (or a
// certificate JSON the central server returned) to PDF or PNG, without a printer; a
// receipt as the simulated thermal printer would print it.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "command_table.hpp"
#include "documents/certificate_renderer.hpp"
#include "documents/demo_receipts.hpp"
#include "printer/sim/escpos_interpreter.hpp"
#include "printer/sim/receipt_image.hpp"

namespace onestop::peripherals::tools {
namespace {

namespace fs = std::filesystem;
namespace docs = onestop::documents;

struct DemoCertificate {
  std::string_view type;
  std::string_view fixture;   // tests/data/certificates/<fixture>.json, issued by the demo server
};
constexpr DemoCertificate kDemoCertificates[] = {
    {"participation", "participation-worker"},
    {"rights-record", "rights-record-retiree"},
    {"benefit", "benefit-retiree"},
};

int fail(const std::string& message, int code) {
  std::fprintf(stderr, "onestop-devices: %s\n", message.c_str());
  return code;
}

bool writeFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out.flush());
}

// A demo receipt as the simulated printer prints it (PNG), or its ESC/POS bytes (.bin).
int renderReceipt(Args& args, const std::string& out) {
  const std::string name = args.getOr("name", "filing");
  std::string names;
  for (const auto& [n, receipt] : docs::demoReceipts()) {
    names += (names.empty() ? "" : ", ") + n;
    if (n != name) continue;
    auto bytes = docs::encodeReceipt(receipt);
    if (!bytes) return fail(bytes.error(), kExitRefused);
    std::string file(bytes->begin(), bytes->end());
    if (fs::path(out).extension() == ".png") {
      printer::sim::EscPosInterpreter interpreter;
      interpreter.feed(bytes.value());
      auto receipts = interpreter.takeReceipts();
      if (receipts.size() != 1) return fail("the receipt did not end in one cut", kExitRefused);
      auto png = printer::sim::renderReceiptPng(receipts[0]);
      if (!png) return fail(png.error(), kExitRefused);
      file = std::move(png.value());
    }
    if (!writeFile(out, file)) return fail("cannot write " + out, kExitDevice);
    std::printf("%s: receipt %s, %zu bytes of ESC/POS\n", out.c_str(), name.c_str(), bytes->size());
    return kExitOk;
  }
  return fail("unknown receipt --name " + name + " (" + names + ")", kExitUsage);
}

int runRender(Args& args) {
  if (args.positional().size() != 1)
    return fail("render needs one TYPE (participation, rights-record, benefit, receipt)", kExitUsage);
  const std::string type = args.positional()[0];
  const auto out = args.get("out");
  const int page = args.intOr("page", 1, 1, 99);
  const int dpi = args.intOr("dpi", 150, 30, 600);
  if (!args.error().empty()) return fail(args.error(), kExitUsage);
  if (!out) return fail("render needs --out FILE (.pdf or .png)", kExitUsage);
  const auto ext = fs::path(*out).extension().string();
  if (type == "receipt") {
    if (ext != ".png" && ext != ".bin") return fail("--out must end in .png or .bin for a receipt", kExitUsage);
    return renderReceipt(args, *out);
  }
  if (ext != ".pdf" && ext != ".png") return fail("--out must end in .pdf or .png", kExitUsage);

  std::string source = args.getOr("from", "");
  if (source.empty()) {
    for (const auto& d : kDemoCertificates)
      if (d.type == type) source = std::string(ONESTOP_CERTIFICATE_FIXTURES) + "/" + std::string(d.fixture) + ".json";
    if (source.empty()) return fail("unknown TYPE " + type + " (participation, rights-record, benefit)", kExitUsage);
  }
  std::ifstream in(source, std::ios::binary);
  if (!in) return fail("cannot read " + source, kExitUsage);
  std::stringstream json;
  json << in.rdbuf();
  auto certificate = docs::parseIssuedCertificate(json.str());
  if (!certificate) return fail(source + ": " + certificate.error(), kExitRefused);

  auto renderer = docs::CertificateRenderer::create();
  if (!renderer) return fail(renderer.error(), kExitDevice);
  if (!renderer->typesetter().missingFallbacks().empty())
    std::fprintf(stderr, "warning: rare characters may print as boxes; missing fonts: %s\n",
                 renderer->typesetter().missingFallbacks().c_str());
  auto bytes = ext == ".pdf" ? renderer->pdf(certificate.value()) : renderer->png(certificate.value(), page - 1, dpi);
  if (!bytes) return fail(bytes.error(), kExitRefused);
  if (!writeFile(*out, bytes.value())) return fail("cannot write " + *out, kExitDevice);
  std::printf("%s: %s, %d page(s), %zu bytes\n", out->c_str(), std::string(docs::apiName(certificate->type)).c_str(),
              renderer->pageCount(certificate.value()), bytes->size());
  return kExitOk;
}

}  // namespace

std::vector<Subcommand> renderCommands() {
  return {{{"render"},
           "TYPE --out FILE.pdf|FILE.png [--from CERTIFICATE.json] [--page N] [--dpi D] | receipt [--name NAME] --out FILE.png|FILE.bin",
           "renders a document from demo data (participation, rights-record, benefit, receipt) without printing",
           {},
           runRender}};
}

}  // namespace onestop::peripherals::tools
