#include "store/number_text.hpp"

#include <charconv>
#include <cmath>

namespace onestop::central::store {

std::string formatDouble(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc{} ? std::string(buf, end) : std::string{};
}

std::optional<std::int64_t> parseInteger(std::string_view s) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return n;
}

std::optional<double> parseDouble(std::string_view s) {
  double d = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return d;
}

std::int64_t doubleToInteger(double d) {
  if (!std::isfinite(d) || d < -9.2233720368547758e18 || d >= 9.2233720368547758e18) return 0;
  return static_cast<std::int64_t>(d);
}

}  // namespace onestop::central::store
