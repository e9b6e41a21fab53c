#include "seal/public_keys.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "seal/base64url.hpp"

namespace onestop::central::seal {
namespace {

constexpr std::size_t kMaxJsonBytes = 1 << 20;
constexpr std::string_view kAlg = "Ed25519";

std::optional<Timestamp> integerMember(const nlohmann::json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > 9'999'999'999ULL) return std::nullopt;
  const auto value = it->get<std::int64_t>();
  if (value < 0 || value > 9'999'999'999) return std::nullopt;
  return value;
}

Result<PublicKey> keyFromJson(const nlohmann::json& entry, std::size_t index) {
  const std::string where = "keys[" + std::to_string(index) + "]";
  if (!entry.is_object()) return Error{where + " is not an object"};
  const auto kid = entry.find("kid");
  if (kid == entry.end() || !kid->is_string() || !isValidKid(kid->get<std::string>())) {
    return Error{where + ".kid is not 1-12 characters of [a-z0-9-]"};
  }
  PublicKey key;
  key.kid = kid->get<std::string>();
  const auto encoded = entry.find("publicKey");
  const auto bytes = encoded != entry.end() && encoded->is_string()
                         ? base64urlDecode(encoded->get<std::string>())
                         : std::nullopt;
  if (!bytes || bytes->size() != kPublicKeyBytes) {
    return Error{where + ".publicKey is not 32 bytes of canonical base64url"};
  }
  std::copy(bytes->begin(), bytes->end(), key.key.begin());
  const auto notBefore = integerMember(entry, "notBefore");
  const auto verifyUntil = integerMember(entry, "verifyUntil");
  if (!notBefore || !verifyUntil) {
    return Error{where + ".notBefore and .verifyUntil must be epoch seconds"};
  }
  if (*verifyUntil <= *notBefore) return Error{where + ".verifyUntil is not after notBefore"};
  key.notBefore = *notBefore;
  key.verifyUntil = *verifyUntil;
  return key;
}

}  // namespace

std::string publicKeysToJson(std::span<const PublicKey> keys) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& key : keys) {
    // Member order is fixed by nlohmann's sorted object; the output is deterministic.
    list.push_back({{"kid", key.kid},
                    {"alg", std::string(kAlg)},
                    {"publicKey", base64urlEncode(key.key)},
                    {"notBefore", key.notBefore},
                    {"verifyUntil", key.verifyUntil}});
  }
  return nlohmann::json{{"keys", std::move(list)}}.dump();
}

Result<std::vector<PublicKey>> publicKeysFromJson(std::string_view json) {
  if (json.size() > kMaxJsonBytes) return Error{"key set is larger than 1 MiB"};
  const auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error{"key set is not valid JSON"};
  if (!doc.is_object()) return Error{"key set is not a JSON object"};
  const auto list = doc.find("keys");
  if (list == doc.end() || !list->is_array()) return Error{"key set has no \"keys\" array"};
  std::vector<PublicKey> keys;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& entry = (*list)[i];
    if (entry.is_object()) {
      const auto alg = entry.find("alg");
      if (alg == entry.end() || !alg->is_string()) {
        return Error{"keys[" + std::to_string(i) + "].alg is missing"};
      }
      if (alg->get<std::string>() != kAlg) continue;  // another algorithm: not ours to use
    }
    auto key = keyFromJson(entry, i);
    if (!key) return Error{key.error()};
    if (findPublicKey(keys, key->kid) != nullptr) {
      return Error{"keys[" + std::to_string(i) + "].kid appears twice"};
    }
    keys.push_back(std::move(key.value()));
  }
  return keys;
}

const PublicKey* findPublicKey(std::span<const PublicKey> keys, std::string_view kid) {
  const auto it = std::find_if(keys.begin(), keys.end(),
                               [&](const PublicKey& key) { return key.kid == kid; });
  return it == keys.end() ? nullptr : &*it;
}

}  // namespace onestop::central::seal
