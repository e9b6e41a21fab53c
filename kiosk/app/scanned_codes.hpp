#pragma once
// A decoded code's text → what the session keeps (core::ScanResult): classified by
// core::classifyCode, and a certificate seal checked offline against the cached public
// keys (central/seal). Runs on the scanner's thread; logs the kind and, for an unusable
// code, the broken rule — never the text (an e-SSC token is a credential).
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/scan_result.hpp"
#include "seal/public_keys.hpp"

namespace onestop::app {

core::ScanResult toScanResult(const std::string& text, std::span<const central::seal::PublicKey> keys,
                              std::int64_t nowEpochSeconds);

/// The cached key set (GET /v1/keys format). An empty path gives an empty set.
core::Result<std::vector<central::seal::PublicKey>> loadSealKeys(const std::filesystem::path& file);

}  // namespace onestop::app
