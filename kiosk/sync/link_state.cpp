#include "sync/link_state.hpp"

namespace onestop::sync {

const char* linkName(Link l) {
  switch (l) {
    case Link::Unknown: return "unknown";
    case Link::Online: return "online";
    case Link::Degraded: return "degraded";
    case Link::Offline: return "offline";
  }
  return "unknown";
}

Link linkAfter(const HttpResult& result) {
  if (!result.answered()) return result.error == NetError::Cancelled ? Link::Unknown : Link::Offline;
  return result.status >= 500 ? Link::Degraded : Link::Online;
}

}  // namespace onestop::sync
