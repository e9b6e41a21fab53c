#pragma once
// Binding a seal to a certificate's content: the server passes the certificate's data as
// named text fields, and the seal carries the first 16 bytes of SHA-256 over their
// canonical form. Whoever holds the data (the server's verification page) can recompute
// the digest and so detect a printed document that was altered.
//
// Canonical form: "onestop-document-v1\n", then each field in ascending bytewise order of
// name as  <name> ':' <decimal byte length of value> ':' <value> '\n'.
// Names are 1-64 characters of [a-z0-9_.] and unique; values are any bytes.
#include <span>
#include <string>
#include <string_view>

#include "seal/payload.hpp"
#include "seal/result.hpp"

namespace onestop::central::seal {

struct DocumentField {
  std::string name;   ///< e.g. "holder.internal_id", "contribution.2024.months"
  std::string value;
};

Result<std::string> canonicalDocument(std::span<const DocumentField> fields);
Result<DocumentDigest> digestDocument(std::span<const DocumentField> fields);

/// SHA-256 of `canonical`, truncated to 16 bytes.
DocumentDigest digestCanonicalDocument(std::string_view canonical);

}  // namespace onestop::central::seal
