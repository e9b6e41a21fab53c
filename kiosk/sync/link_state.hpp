#pragma once
// Whether the central system can be reached, as the UI shows it. Derived from real
// exchanges (and heartbeats when idle), never guessed.
#include <cstdint>
#include <string>

#include "sync/http_types.hpp"

namespace onestop::sync {

enum class Link {
  Unknown,    ///< nothing tried yet
  Online,     ///< the last exchange got an HTTP answer below 500
  Degraded,   ///< the server answers, but with 5xx / 503: it has trouble
  Offline,    ///< no answer: down, unreachable, refused TLS, timed out
};

const char* linkName(Link l);

/// The link after `result`.
Link linkAfter(const HttpResult& result);

}  // namespace onestop::sync
