#pragma once
// Typed, bounded reading of a JSON request body. The first problem found is kept and the
// handler returns it; later reads become no-ops, so handlers read straight through.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/api_types.hpp"
#include "api/problem.hpp"

namespace onestop::central::api {

/// Parses the body of a POST/PUT: must be application/json and a JSON object.
/// Fails with malformed-json / unsupported-media-type.
std::optional<Problem> parseJsonObject(const ApiRequest& request, nlohmann::json& out);

class Fields {
 public:
  explicit Fields(const nlohmann::json& object, std::string prefix = {});

  /// A string of maxChars code points at most (UTF-8 checked), non-empty when required.
  std::string text(std::string_view name, std::size_t maxChars, bool required = true);
  /// A string made only of the given ASCII characters.
  std::string token(std::string_view name, std::string_view allowed, std::size_t minLen, std::size_t maxLen,
                    bool required = true);
  std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max, bool required = true,
                       std::int64_t fallback = 0);
  /// A nested object; nullptr (and a problem when required) if absent or not an object.
  const nlohmann::json* object(std::string_view name, bool required = true);
  /// One of the listed values.
  std::string oneOf(std::string_view name, std::initializer_list<std::string_view> values, bool required = true);

  void fail(std::string_view name, std::string detail);
  const std::optional<Problem>& problem() const { return problem_; }
  bool ok() const { return !problem_; }

 private:
  const nlohmann::json* find(std::string_view name, bool required);
  std::string path(std::string_view name) const;

  const nlohmann::json& object_;
  std::string prefix_;
  std::optional<Problem> problem_;
};

}  // namespace onestop::central::api
