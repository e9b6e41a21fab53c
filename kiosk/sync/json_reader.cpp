#include "sync/json_reader.hpp"

#include "core/secure_wipe.hpp"

namespace onestop::sync {

JsonReader::JsonReader(const nlohmann::json& object, std::string path, std::optional<std::string>* error)
    : object_(object), path_(std::move(path)), error_(error) {
  if (!object_.is_object() && !error_->has_value()) *error_ = (path_.empty() ? "answer" : path_) + ": not an object";
}

std::string JsonReader::at(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

void JsonReader::fail(std::string_view name, std::string_view why) {
  if (!error_->has_value()) *error_ = at(name) + ": " + std::string(why);
}

const nlohmann::json* JsonReader::find(std::string_view name) {
  if (error_->has_value() || !object_.is_object()) return nullptr;
  auto it = object_.find(std::string(name));
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string JsonReader::text(std::string_view name, std::size_t maxBytes, bool required) {
  const auto* v = find(name);
  if (!v) {
    if (required) fail(name, "missing");
    return {};
  }
  if (!v->is_string()) return fail(name, "not a string"), std::string{};
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > maxBytes) return fail(name, "too long"), std::string{};
  if (required && s.empty()) return fail(name, "empty"), std::string{};
  return s;
}

std::string JsonReader::oneOf(std::string_view name, std::initializer_list<std::string_view> values) {
  auto s = text(name, 64);
  if (!ok()) return {};
  for (auto v : values)
    if (s == v) return s;
  fail(name, "unexpected value");
  return {};
}

std::int64_t JsonReader::integer(std::string_view name, std::int64_t min, std::int64_t max) {
  const auto* v = find(name);
  if (!v) return fail(name, "missing"), 0;
  if (!v->is_number_integer()) return fail(name, "not an integer"), 0;
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
    return fail(name, "out of range"), 0;
  const auto n = v->get<std::int64_t>();
  if (n < min || n > max) return fail(name, "out of range"), 0;
  return n;
}

bool JsonReader::boolean(std::string_view name) {
  const auto* v = find(name);
  if (!v || !v->is_boolean()) return fail(name, "not a boolean"), false;
  return v->get<bool>();
}

const nlohmann::json* JsonReader::array(std::string_view name, std::size_t maxItems) {
  const auto* v = find(name);
  if (!v || !v->is_array()) return fail(name, "not an array"), nullptr;
  if (v->size() > maxItems) return fail(name, "too many items"), nullptr;
  return v;
}

const nlohmann::json* JsonReader::object(std::string_view name) {
  const auto* v = find(name);
  if (!v || !v->is_object()) return fail(name, "not an object"), nullptr;
  return v;
}

void wipeJsonStrings(nlohmann::json& value) {
  if (value.is_string()) {
    core::secureWipe(value.get_ref<std::string&>());
  } else if (value.is_structured()) {
    for (auto& item : value) wipeJsonStrings(item);
  }
}

}  // namespace onestop::sync
