#pragma once
// What a demo card holds in its chip: the 256-byte text block, a dummy WLT photo blob,
// and the sample decoder that turns that dummy back into the placeholder portrait.
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "idcard/photo_decoder.hpp"
#include "idcard/sim/demo_people.hpp"
#include "idcard/text_block.hpp"

namespace onestop::peripherals::idcard::sim {

using TextBlock = std::array<std::uint8_t, kTextBlockSize>;
using WltBlob = std::array<std::uint8_t, kPhotoSize>;

/// Lays a demo card out as the chip would (peripherals.md §1.4). InvalidData when a field
/// does not fit (e.g. an address over 35 characters) or a date is malformed.
Expected<TextBlock> encodeTextBlock(const DemoCard& card);

/// A 1024-byte stand-in for the encrypted WLT portrait: a marker and a per-card pattern.
WltBlob dummyWlt(const DemoCard& card);

/// The bundled placeholder portrait: a 102x126 24-bit BMP of a neutral silhouette
/// (generated, no real person).
const std::vector<std::uint8_t>& placeholderPhotoBmp();

/// Decodes simulator WLT blobs to the placeholder portrait; refuses anything else.
std::unique_ptr<PhotoDecoder> makeSamplePhotoDecoder();

}  // namespace onestop::peripherals::idcard::sim
