#pragma once
// The 256-byte UCS-2LE text block of `30 01` (peripherals.md §1.4): layouts for the
// mainland card and the 'J' (HK/Macau/Taiwan permit), 'I' (foreign 2017) and 'Y'
// (foreign 2023) variants, told apart by the type flag at offset 248.
// Pure byte handling (no I/O): shared by the driver, the simulator and the fuzzer.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/identity.hpp"

namespace onestop::peripherals::idcard {

inline constexpr std::size_t kTextBlockSize = 256;
inline constexpr std::size_t kPhotoSize = 1024;
inline constexpr std::size_t kTypeFlagOffset = 248;

/// UTF-16LE → UTF-8, surrogate pairs joined (rare-character names such as U+2020C are
/// stored as a pair). Trailing spaces and NULs are trimmed. nullopt on an odd length, a
/// lone surrogate, or a control character inside the text: such a field is corrupt.
std::optional<std::string> decodeUtf16le(std::span<const std::uint8_t> bytes);

/// UTF-8 → UTF-16LE padded with U+0020 to `size` bytes; nullopt if it does not fit or is
/// not valid UTF-8. Used by the simulator to build cards.
std::optional<std::string> encodeUtf16leField(std::string_view utf8, std::size_t size);

enum class TextBlockError {
  None,
  UnknownCardType,   ///< type flag is neither space, 'J', 'I' nor 'Y'
  BadEncoding,       ///< a field is not valid UTF-16LE text
  BadDate,           ///< a date field is not YYYYMMDD (or 长期 for valid-to)
  BadCode            ///< gender / ethnicity field is not digits
};
std::string_view nameOf(TextBlockError error);

struct TextBlockResult {
  TextBlockError error = TextBlockError::None;
  std::string field;          ///< which field failed (for logs; never its content)
  core::Identity identity;    ///< filled only when error is None
};

/// Decodes a text block. Fields are validated for shape only; whether the card may be
/// used is core::checkIdentity's job.
TextBlockResult decodeTextBlock(std::span<const std::uint8_t, kTextBlockSize> block);

}  // namespace onestop::peripherals::idcard
