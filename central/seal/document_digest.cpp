#include "seal/document_digest.hpp"

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace onestop::central::seal {
namespace {

constexpr std::size_t kMaxFieldNameLength = 64;

bool isValidFieldName(std::string_view name) {
  if (name.empty() || name.size() > kMaxFieldNameLength) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

}  // namespace

Result<std::string> canonicalDocument(std::span<const DocumentField> fields) {
  std::vector<const DocumentField*> sorted;
  sorted.reserve(fields.size());
  for (const auto& field : fields) {
    if (!isValidFieldName(field.name)) {
      return Error{"document field name must be 1-64 characters of [a-z0-9_.]"};
    }
    sorted.push_back(&field);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const DocumentField* a, const DocumentField* b) { return a->name < b->name; });
  std::string out = "onestop-document-v1\n";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 && sorted[i]->name == sorted[i - 1]->name) {
      return Error{"document field '" + sorted[i]->name + "' appears twice"};
    }
    out.append(sorted[i]->name).append(":");
    out.append(std::to_string(sorted[i]->value.size())).append(":");
    out.append(sorted[i]->value).append("\n");
  }
  return out;
}

Result<DocumentDigest> digestDocument(std::span<const DocumentField> fields) {
  auto canonical = canonicalDocument(fields);
  if (!canonical) return Error{canonical.error()};
  return digestCanonicalDocument(canonical.value());
}

DocumentDigest digestCanonicalDocument(std::string_view canonical) {
  unsigned char full[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(full, reinterpret_cast<const unsigned char*>(canonical.data()),
                     canonical.size());
  DocumentDigest digest{};
  std::copy_n(full, digest.size(), digest.begin());
  return digest;
}

}  // namespace onestop::central::seal
