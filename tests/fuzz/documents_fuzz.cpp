// Fuzzes what reaches the printing code from outside: the central server's certificate
// answer (parseIssuedCertificate: refuse or accept, never crash, and what it accepts can be
// printed safely) and a byte stream at the simulated receipt printer (EscPosInterpreter:
// the same result however the bytes are chunked).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>

#include "documents/certificate.hpp"
#include "printer/sim/escpos_interpreter.hpp"

using namespace onestop;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

std::string receiptsText(peripherals::printer::sim::EscPosInterpreter& in) {
  std::string out;
  for (const auto& r : in.takeReceipts()) out += r.plainText() + "\f";
  return out + in.pending().plainText();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  auto certificate = documents::parseIssuedCertificate(text);
  if (certificate) {
    const auto& c = certificate.value();
    check(c.holder.idNumberMasked.find('*') != std::string::npos);   // never a full ID number
    check(c.seal.rfind("OSS1.", 0) == 0 && c.seal.size() <= 250);
    check(c.validUntil > c.issuedAt);
    check(c.type != documents::CertificateType::RightsRecord || !c.contributionsByYear.empty());
    check(c.type != documents::CertificateType::Benefit || !c.benefits.empty());
  } else {
    check(!certificate.error().empty());
  }

  const std::span<const std::uint8_t> bytes(data, size);
  peripherals::printer::sim::EscPosInterpreter whole, split;
  whole.feed(bytes);
  const std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
  split.feed(bytes.first(cut));
  split.feed(bytes.subspan(cut));
  check(receiptsText(whole) == receiptsText(split));
  check(whole.findings() == split.findings());
  return 0;
}
