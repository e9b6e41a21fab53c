#include "sync/http_types.hpp"

#include <charconv>

namespace onestop::sync {

const char* netErrorName(NetError e) {
  switch (e) {
    case NetError::None: return "none";
    case NetError::Connect: return "connect";
    case NetError::Tls: return "tls";
    case NetError::Timeout: return "timeout";
    case NetError::Interrupted: return "interrupted";
    case NetError::Cancelled: return "cancelled";
    case NetError::Other: return "other";
  }
  return "other";
}

int HttpResult::retryAfterSeconds() const {
  auto it = headers.find("retry-after");
  if (it == headers.end()) return 0;
  int seconds = 0;
  const auto& v = it->second;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), seconds);
  if (ec != std::errc() || end != v.data() + v.size() || seconds < 0) return 0;
  return std::min(seconds, 3600);
}

}  // namespace onestop::sync
