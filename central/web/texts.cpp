#include "web/texts.hpp"

#include <map>
#include <mutex>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "web/catalog_data.hpp"

namespace onestop::central::web {
namespace {

using Catalog = std::map<std::string, std::string, std::less<>>;

Catalog parse(std::string_view code, std::string_view json) {
  Catalog catalog;
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_object()) {
    spdlog::error("web: the embedded {} catalog is not a JSON object", code);
    return catalog;
  }
  for (const auto& [key, value] : parsed.items())
    if (value.is_string()) catalog.emplace(key, value.get<std::string>());
  return catalog;
}

const Catalog& catalog(Language language) {
  static const Catalog zh = parse("zh-CN", kZhCnCatalogJson);
  static const Catalog en = parse("en", kEnCatalogJson);
  return language == Language::En ? en : zh;
}

// Stable storage for keys shown as themselves, so operator() can return a reference.
const std::string& missing(std::string_view key) {
  static std::mutex lock;
  static std::map<std::string, std::string, std::less<>> shown;
  std::lock_guard guard(lock);
  auto it = shown.find(key);
  if (it == shown.end()) {
    spdlog::warn("web: no text for key '{}'", key);
    it = shown.emplace(std::string(key), std::string(key)).first;
  }
  return it->second;
}

}  // namespace

std::string_view languageCode(Language language) { return language == Language::En ? "en" : "zh-CN"; }

std::optional<Language> languageFromCode(std::string_view code) {
  if (code == "zh-CN") return Language::ZhCN;
  if (code == "en") return Language::En;
  return std::nullopt;
}

const std::string& Texts::operator()(std::string_view key) const {
  const auto& own = catalog(language_);
  if (auto it = own.find(key); it != own.end()) return it->second;
  const auto& fallback = catalog(Language::ZhCN);
  if (auto it = fallback.find(key); it != fallback.end()) return it->second;
  return missing(key);
}

std::string Texts::operator()(std::string_view key, std::initializer_list<std::string_view> args) const {
  const std::string& pattern = (*this)(key);
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    // {N} with N = 1…9; anything else is copied as is.
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const auto n = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (n < args.size()) out += *(args.begin() + n);
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

const std::string& Texts::of(std::string_view family, std::string_view value) const {
  std::string key(family);
  key += '.';
  key += value;
  return (*this)(key);
}

std::vector<std::string> catalogKeys(Language language) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : catalog(language)) keys.push_back(key);
  return keys;
}

}  // namespace onestop::central::web
