// Fuzzes what a citizen can hold up to the kiosk's camera: the decoded text of any code.
// classifyCode must accept only the documented forms (docs/qr-payloads.md) and never
// crash; what it accepts as a seal then goes through the real offline seal check, as the
// kiosk does. Invariants beyond "no crash": results respect the length and character
// limits, an unusable code carries no part of the text, and classification is stable.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/code_payload.hpp"
#include "seal/public_keys.hpp"
#include "seal/verifier.hpp"

using namespace onestop;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

bool printableAscii(std::string_view s) {
  for (char c : s)
    if (c < 0x21 || c > 0x7E) return false;
  return true;
}

// The docs/seal.md test vector key, so a mutated real seal reaches the signature check.
const std::vector<central::seal::PublicKey>& keys() {
  static const auto parsed = central::seal::publicKeysFromJson(
      R"({"keys":[{"alg":"Ed25519","kid":"k2025a","notBefore":1736900000,)"
      R"("publicKey":"A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg","verifyUntil":4102444800}]})");
  check(parsed.ok());
  return parsed.value();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const core::ClassifiedCode c = core::classifyCode(text);
  const core::ClassifiedCode again = core::classifyCode(text);
  check(c.kind == again.kind && c.value == again.value && c.day == again.day);

  if (c.kind == core::CodeKind::Unusable) {
    check(c.value.empty() && c.day.empty() && !c.reason.empty());
    check(c.reason.size() < 100);   // a fixed message, never the content
    return 0;
  }
  check(c.reason.empty());
  check(size <= core::kMaxCodeTextBytes && printableAscii(text));
  switch (c.kind) {
    case core::CodeKind::EsscToken: check(c.value == text && c.value.size() == 38); break;
    case core::CodeKind::Receipt: check(core::isWellFormedAcceptanceNumber(c.value)); break;
    case core::CodeKind::QueueTicket: check(c.value.size() == 4 && c.day.size() == 10); break;
    case core::CodeKind::CertificateSeal: {
      // The seal itself, or the seal at the end of a https://…/v/<seal> verification link.
      const bool link = text.substr(0, 8) == "https://" && text.size() > c.value.size() + 3 &&
                        text.substr(text.size() - c.value.size() - 3) == "/v/" + c.value;
      check((c.value == text || link) && c.value.size() <= core::kMaxSealTextBytes);
      const auto v = central::seal::verifySeal(c.value, keys(), 1800000000);
      // Only an authentic seal may carry decoded data.
      check(v.payload.has_value() == (v.status == central::seal::SealStatus::Valid ||
                                      v.status == central::seal::SealStatus::Expired));
      break;
    }
    case core::CodeKind::Unusable: break;
  }
  return 0;
}
