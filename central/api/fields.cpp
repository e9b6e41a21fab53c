#include "api/fields.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace onestop::central::api {

std::optional<Problem> parseJsonObject(const ApiRequest& request, nlohmann::json& out) {
  const auto type = request.header("content-type").value_or("");
  if (type.rfind("application/json", 0) != 0) return problems::unsupportedMediaType();
  // Depth is bounded by the body limit; nlohmann reports errors without throwing here.
  out = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (out.is_discarded()) return problems::malformedJson("body is not valid JSON");
  if (!out.is_object()) return problems::malformedJson("body must be a JSON object");
  return std::nullopt;
}

Fields::Fields(const nlohmann::json& object, std::string prefix) : object_(object), prefix_(std::move(prefix)) {}

std::string Fields::path(std::string_view name) const {
  return prefix_.empty() ? std::string(name) : prefix_ + "." + std::string(name);
}

void Fields::fail(std::string_view name, std::string detail) {
  if (!problem_) problem_ = problems::invalidField(path(name), std::move(detail));
}

const nlohmann::json* Fields::find(std::string_view name, bool required) {
  if (problem_) return nullptr;
  auto it = object_.find(std::string(name));
  if (it == object_.end() || it->is_null()) {
    if (required) fail(name, "is required");
    return nullptr;
  }
  return &*it;
}

std::string Fields::text(std::string_view name, std::size_t maxChars, bool required) {
  const auto* v = find(name, required);
  if (!v) return {};
  if (!v->is_string()) return fail(name, "must be a string"), std::string{};
  const auto& s = v->get_ref<const std::string&>();
  if (!core::isValidUtf8(s)) return fail(name, "must be UTF-8"), std::string{};
  if (required && s.empty()) return fail(name, "must not be empty"), std::string{};
  if (core::decodeUtf8(s).size() > maxChars) return fail(name, "is longer than " + std::to_string(maxChars)), std::string{};
  return s;
}

std::string Fields::token(std::string_view name, std::string_view allowed, std::size_t minLen, std::size_t maxLen,
                          bool required) {
  const auto* v = find(name, required);
  if (!v) return {};
  if (!v->is_string()) return fail(name, "must be a string"), std::string{};
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() < minLen || s.size() > maxLen)
    return fail(name, "must be " + std::to_string(minLen) + "-" + std::to_string(maxLen) + " characters"), std::string{};
  if (!std::all_of(s.begin(), s.end(), [&](char c) { return allowed.find(c) != std::string_view::npos; }))
    return fail(name, "has a character that is not allowed"), std::string{};
  return s;
}

std::int64_t Fields::integer(std::string_view name, std::int64_t min, std::int64_t max, bool required,
                             std::int64_t fallback) {
  const auto* v = find(name, required);
  if (!v) return fallback;
  if (!v->is_number_integer()) return fail(name, "must be an integer"), fallback;
  const auto n = v->get<std::int64_t>();
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
    return fail(name, "is out of range"), fallback;
  if (n < min || n > max)
    return fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max)), fallback;
  return n;
}

const nlohmann::json* Fields::object(std::string_view name, bool required) {
  const auto* v = find(name, required);
  if (!v) return nullptr;
  if (!v->is_object()) return fail(name, "must be an object"), nullptr;
  return v;
}

std::string Fields::oneOf(std::string_view name, std::initializer_list<std::string_view> values, bool required) {
  const auto* v = find(name, required);
  if (!v) return {};
  if (!v->is_string()) return fail(name, "must be a string"), std::string{};
  const auto& s = v->get_ref<const std::string&>();
  for (auto allowed : values)
    if (s == allowed) return s;
  std::string list;
  for (auto allowed : values) list += (list.empty() ? "" : ", ") + std::string(allowed);
  return fail(name, "must be one of: " + list), std::string{};
}

}  // namespace onestop::central::api
