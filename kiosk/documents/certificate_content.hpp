#pragma once
// What each certificate type says: its body as paragraphs and tables, ready to paginate.
#include <vector>

#include "documents/certificate.hpp"
#include "documents/document_options.hpp"
#include "documents/paged_body.hpp"

namespace onestop::documents {

std::vector<Block> certificateBody(const IssuedCertificate& certificate, const DocumentOptions& options);

}  // namespace onestop::documents
