#include "app/scanned_codes.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "seal/verifier.hpp"

namespace onestop::app {
namespace {

namespace seal = central::seal;

core::SealCheck sealCheckOf(seal::SealStatus status) {
  switch (status) {
    case seal::SealStatus::Valid: return core::SealCheck::Valid;
    case seal::SealStatus::Expired: return core::SealCheck::Expired;
    case seal::SealStatus::BadSignature: return core::SealCheck::NotGenuine;
    case seal::SealStatus::UnknownKey:
    case seal::SealStatus::KeyExpired: return core::SealCheck::CannotCheck;
    case seal::SealStatus::Malformed: return core::SealCheck::Malformed;
  }
  return core::SealCheck::Malformed;
}

}  // namespace

core::ScanResult toScanResult(const std::string& text, std::span<const seal::PublicKey> keys,
                              std::int64_t nowEpochSeconds) {
  const core::ClassifiedCode c = core::classifyCode(text);
  core::ScanResult r;
  r.kind = c.kind;
  switch (c.kind) {
    case core::CodeKind::Unusable:
      spdlog::info("scanner: code not usable here: {} ({} bytes)", c.reason, text.size());
      return r;
    case core::CodeKind::EsscToken: r.esscToken = c.value; break;
    case core::CodeKind::Receipt: r.value = c.value; break;
    case core::CodeKind::QueueTicket:
      r.value = c.value;
      r.day = c.day;
      break;
    case core::CodeKind::CertificateSeal: {
      const auto v = seal::verifySeal(c.value, keys, nowEpochSeconds);
      r.seal = sealCheckOf(v.status);
      if (v.payload) {   // only for authentic seals
        r.certificateType = seal::certificateTypeCode(v.payload->type);
        r.serial = v.payload->serial;
        r.maskedName = v.payload->maskedName;
        r.maskedIdNumber = v.payload->maskedIdNumber;
        r.issuedAt = v.payload->issuedAt;
        r.validUntil = v.payload->validUntil;
      }
      spdlog::info("scanner: certificate seal {} ({})", seal::sealStatusName(v.status), v.message);
      return r;
    }
  }
  spdlog::info("scanner: {} code read", core::nameOf(c.kind));
  return r;
}

core::Result<std::vector<seal::PublicKey>> loadSealKeys(const std::filesystem::path& file) {
  if (file.empty()) return std::vector<seal::PublicKey>{};
  std::ifstream in(file, std::ios::binary);
  if (!in) return core::Error{"cannot read seal key file " + file.string()};
  std::stringstream buf;
  buf << in.rdbuf();
  auto keys = seal::publicKeysFromJson(buf.str());
  if (!keys) return core::Error{file.string() + ": " + keys.error()};
  return std::move(keys.value());
}

}  // namespace onestop::app
