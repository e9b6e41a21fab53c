#include "i18n/catalogs.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace onestop::i18n {
namespace {

using core::Error;
using Json = nlohmann::json;

core::Result<Json> readJson(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{"cannot open " + file.string()};
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    return Json::parse(buf.str());
  } catch (const Json::parse_error& e) {
    return Error{file.string() + ": " + e.what()};
  }
}

}  // namespace

core::Result<Catalogs> Catalogs::load(const std::filesystem::path& dir) {
  Catalogs cat;
  auto index = readJson(dir / "languages.json");
  if (!index) return Error{index.error()};
  const Json& idx = index.value();
  if (!idx.is_object() || !idx.contains("languages") || !idx["languages"].is_array() ||
      !idx.contains("default") || !idx["default"].is_string())
    return Error{(dir / "languages.json").string() + ": expected {\"default\": code, \"languages\": [...]}"};
  cat.defaultLanguage_ = idx["default"].get<std::string>();

  for (const Json& l : idx["languages"]) {
    if (!l.is_object() || !l.contains("code") || !l["code"].is_string() || !l.contains("name") ||
        !l["name"].is_string())
      return Error{(dir / "languages.json").string() + ": every language needs string \"code\" and \"name\""};
    Language lang{l["code"].get<std::string>(), l["name"].get<std::string>(), {}, l.value("voice", "")};
    if (l.contains("fallbacks")) {
      if (!l["fallbacks"].is_array()) return Error{"languages.json: \"fallbacks\" of " + lang.code + " must be an array"};
      for (const Json& f : l["fallbacks"]) {
        if (!f.is_string()) return Error{"languages.json: fallbacks of " + lang.code + " must be strings"};
        lang.fallbacks.push_back(f.get<std::string>());
      }
    }
    auto file = dir / (lang.code + ".json");
    auto doc = readJson(file);
    if (!doc) return Error{doc.error()};
    if (!doc.value().is_object()) return Error{file.string() + ": expected one flat object of \"key\": \"text\""};
    auto& table = cat.strings_[lang.code];
    for (auto it = doc.value().begin(); it != doc.value().end(); ++it) {
      if (!it.value().is_string())
        return Error{file.string() + ": value of \"" + it.key() + "\" must be a string"};
      table.emplace(it.key(), it.value().get<std::string>());
    }
    cat.languages_.push_back(std::move(lang));
  }
  if (!cat.language(cat.defaultLanguage_))
    return Error{"languages.json: default language " + cat.defaultLanguage_ + " is not listed"};
  for (const auto& l : cat.languages_)
    for (const auto& f : l.fallbacks)
      if (!cat.language(f)) return Error{"languages.json: fallback " + f + " of " + l.code + " is not listed"};
  return cat;
}

const Language* Catalogs::language(std::string_view code) const {
  for (const auto& l : languages_)
    if (l.code == code) return &l;
  return nullptr;
}

const std::string* Catalogs::find(std::string_view code, std::string_view key) const {
  auto lookup = [&](std::string_view c) -> const std::string* {
    auto t = strings_.find(c);
    if (t == strings_.end()) return nullptr;
    auto s = t->second.find(key);
    return s == t->second.end() ? nullptr : &s->second;
  };
  if (auto* s = lookup(code)) return s;
  if (const auto* lang = language(code))
    for (const auto& f : lang->fallbacks)
      if (auto* s = lookup(f)) return s;
  return nullptr;
}

const std::string& Catalogs::text(std::string_view code, std::string_view key) const {
  if (const auto* s = find(code, key)) return *s;
  auto it = missing_.find(key);
  if (it == missing_.end()) it = missing_.emplace(std::string(key), std::string(key)).first;
  return it->second;
}

std::vector<std::string> Catalogs::keys(std::string_view code) const {
  std::vector<std::string> out;
  auto t = strings_.find(code);
  if (t != strings_.end())
    for (const auto& [k, v] : t->second) out.push_back(k);
  return out;
}

std::vector<std::string_view> Catalogs::allTexts() const {
  std::vector<std::string_view> out;
  for (const auto& l : languages_) out.push_back(l.nativeName);
  for (const auto& [code, table] : strings_)
    for (const auto& [k, v] : table) out.push_back(v);
  return out;
}

}  // namespace onestop::i18n
