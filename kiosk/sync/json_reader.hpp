#pragma once
// Strict reading of the server's JSON answers: every field the kiosk uses must be there,
// of the right type, within its length or range, from its enum. The first violation is
// kept (with its path, e.g. "months[3].items[0].baseFen") and turns the whole answer into
// an error: a half-valid record is never shown.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace onestop::sync {

class JsonReader {
 public:
  /// Reads `object` (must be a JSON object) under `path` ("" for the top level).
  JsonReader(const nlohmann::json& object, std::string path, std::optional<std::string>* error);

  std::string text(std::string_view name, std::size_t maxBytes, bool required = true);
  std::string oneOf(std::string_view name, std::initializer_list<std::string_view> values);
  std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max);
  bool boolean(std::string_view name);
  /// An array of at most `maxItems`; nullptr (and an error) otherwise.
  const nlohmann::json* array(std::string_view name, std::size_t maxItems);
  const nlohmann::json* object(std::string_view name);
  std::string at(std::string_view name) const;   ///< the path of a member, for nested readers
  bool ok() const { return !error_->has_value(); }

 private:
  const nlohmann::json* find(std::string_view name);
  void fail(std::string_view name, std::string_view why);

  const nlohmann::json& object_;
  std::string path_;
  std::optional<std::string>* error_;
};

/// Zeroes every string inside `value` (typed personal data built into a request body).
void wipeJsonStrings(nlohmann::json& value);

}  // namespace onestop::sync
