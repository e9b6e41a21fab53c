#include "api/rate_limit.hpp"

namespace onestop::central::api {

store::DbResult<RateDecision> hitRateLimit(store::Connection& c, const std::string& bucket, std::int64_t now,
                                           int perMinute) {
  const std::int64_t window = now - now % 60;
  auto rows = c.query(
      "INSERT INTO rate_windows (bucket, window_start, hits) VALUES (?, ?, 1) "
      "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_windows.hits + 1 RETURNING hits",
      {bucket, window});
  if (!rows) return rows.error();
  // Old windows are dead weight; the first hit of a window clears them.
  if (!rows->empty() && rows.value()[0].integer(0) == 1) {
    auto cleared = c.execute("DELETE FROM rate_windows WHERE window_start < ?", {window - 3600});
    if (!cleared) return cleared.error();
  }
  const auto hits = rows->empty() ? 1 : rows.value()[0].integer(0);
  if (hits <= perMinute) return RateDecision{};
  return RateDecision{false, static_cast<int>(window + 60 - now)};
}

}  // namespace onestop::central::api
