#pragma once
// Marks a string literal as a translation key: "home.prompt"_k. The i18n test finds every
// key the code uses by this suffix and checks it against every catalog (and the reverse).
#include <cstddef>
#include <string_view>

namespace onestop {

constexpr std::string_view operator""_k(const char* s, std::size_t n) { return {s, n}; }

}  // namespace onestop
