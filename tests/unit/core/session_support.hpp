#pragma once
// Helpers shared by the session tests.
#include <optional>
#include <string>
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

/// A session whose citizen was identified by card (a rare-character name) for `service`,
/// with the central system's link as given.
inline Session identified(const std::string& service, LinkStatus link = LinkStatus::Unknown) {
  Session s;
  if (link != LinkStatus::Unknown) s.handle(ev::LinkChanged{link, 0});
  s.handle(ev::StartIdentify{service});
  Identity id;
  id.name = "测试王𠈌";
  id.idNumber = "11010519491231002X";
  s.handle(ev::CardRead{id, ""});
  return s;
}

}  // namespace onestop::core::test
