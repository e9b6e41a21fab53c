#pragma once
// Overwriting personal data before its memory is released. A plain clear() leaves the
// characters in freed heap blocks (or in the string's inline buffer); these write zeros
// over the whole capacity through a volatile pointer so the compiler cannot drop the
// stores as dead.
#include <cstdint>
#include <string>
#include <vector>

namespace onestop::core {

void secureZero(void* data, std::size_t size) noexcept;

/// Zeroes every byte the string owns (its capacity, not just its size), then clears it.
void secureWipe(std::string& s) noexcept;

/// Zeroes every byte the vector owns, then clears it.
void secureWipe(std::vector<std::uint8_t>& v) noexcept;

}  // namespace onestop::core
