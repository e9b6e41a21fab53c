#pragma once
// Numbers as text and back, exactly and locale-independently: PostgreSQL parameters and
// results travel as text, and Row's accessors accept numbers a backend returned as text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onestop::central::store {

/// The shortest text that reads back as exactly `d`.
std::string formatDouble(double d);

/// The whole of `s` as a number, or nullopt (no leading space, sign '+' or trailing text).
std::optional<std::int64_t> parseInteger(std::string_view s);
std::optional<double> parseDouble(std::string_view s);

/// `d` truncated to an integer; 0 when it does not fit (such a cast would be undefined).
std::int64_t doubleToInteger(double d);

}  // namespace onestop::central::store
