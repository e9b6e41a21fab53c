#pragma once
// Helpers shared by the session tests.
#include <optional>
#include <variant>

#include "core/session.hpp"

namespace onestop::core::test {

/// The first effect of type T among `fx`, copied (the list may be gone by the time it is used).
template <class T>
std::optional<T> effect(const Effects& fx) {
  for (const auto& e : fx)
    if (const auto* x = std::get_if<T>(&e)) return *x;
  return std::nullopt;
}

}  // namespace onestop::core::test
