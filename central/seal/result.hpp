#pragma once
// Errors are values: the seal library uses core::Result (onestop_core is plain C++, so the
// kiosk links both without pulling in anything of the server).
#include <cstdint>

#include "core/result.hpp"

namespace onestop::central::seal {

using core::Error;
using core::Result;

struct Done {};  ///< the value of a Result that carries nothing

/// Epoch seconds (UTC). Every time in a seal, key and audit entry is one of these.
using Timestamp = std::int64_t;

}  // namespace onestop::central::seal
