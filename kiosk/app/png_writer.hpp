#pragma once
#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace onestop::app {

/// Writes 8-bit RGBA pixels (rows of `pitch` bytes) to a PNG file, creating parent dirs.
core::Result<bool> writePng(const std::string& path, const uint8_t* rgba, int width, int height, int pitch);

}  // namespace onestop::app
