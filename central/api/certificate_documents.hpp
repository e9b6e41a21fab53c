#pragma once
// The data printed on each certificate type, built from the records, and its flattening
// into the named fields whose digest the seal carries (seal/document_digest.hpp).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/certificate_period.hpp"
#include "seal/document_digest.hpp"
#include "seal/payload.hpp"
#include "store/database.hpp"

namespace onestop::central::api {

struct CertificateHolder {
  std::string citizenId, name, idNumber;
};

/// The document for `type` over `period` (its `period` object says which months; every
/// count is of months inside it), or nullopt when this person cannot have it (e.g. a
/// benefit certificate for someone who receives no benefit, or nothing on record in the
/// period asked for); `why` says which. For the whole record, `from` is the first month on
/// record for the type and `to` the current month.
store::DbResult<std::optional<nlohmann::json>> buildCertificateDocument(store::Connection& c,
                                                                        const CertificateHolder& holder,
                                                                        seal::CertificateType type,
                                                                        CertificatePeriod period,
                                                                        std::string& why);

/// Every leaf of the document as "a.b.0.c" → text; names lower-case.
std::vector<seal::DocumentField> flattenDocument(const nlohmann::json& document);

}  // namespace onestop::central::api
