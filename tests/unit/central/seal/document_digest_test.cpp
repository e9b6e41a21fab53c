#include <doctest/doctest.h>

#include "seal/base64url.hpp"
#include "seal/document_digest.hpp"

using namespace onestop::central::seal;

TEST_CASE("the canonical document form is exact and order-independent") {
  const DocumentField fields[] = {{"serial", "C1"}, {"holder.internal_id", "c-9"}, {"a", ""}};
  const auto canonical = canonicalDocument(fields);
  REQUIRE(canonical.ok());
  CHECK(canonical.value() == "onestop-document-v1\na:0:\nholder.internal_id:3:c-9\nserial:2:C1\n");
  const DocumentField reordered[] = {fields[2], fields[0], fields[1]};
  CHECK(digestDocument(reordered).value() == digestDocument(fields).value());
}

TEST_CASE("the digest is the first 16 bytes of SHA-256") {
  // SHA-256("onestop-document-v1\n") computed independently (Python hashlib).
  const auto digest = digestDocument({}).value();
  CHECK(base64urlEncode(digest) == "Ys_7E07VouLsXV7bQUZzgw");
}

TEST_CASE("any change of the data changes the digest") {
  const DocumentField base[] = {{"a", "1"}, {"b", "2"}};
  const auto reference = digestDocument(base).value();
  const DocumentField value[] = {{"a", "1"}, {"b", "3"}};
  const DocumentField name[] = {{"a", "1"}, {"c", "2"}};
  const DocumentField extra[] = {{"a", "1"}, {"b", "2"}, {"c", ""}};
  // Length prefixes keep field boundaries fixed: moving bytes between fields shows.
  const DocumentField shifted[] = {{"a", "1\nb:1:2"}};
  CHECK(digestDocument(value).value() != reference);
  CHECK(digestDocument(name).value() != reference);
  CHECK(digestDocument(extra).value() != reference);
  CHECK(digestDocument(shifted).value() != reference);
}

TEST_CASE("field names are checked") {
  const DocumentField duplicate[] = {{"a", "1"}, {"a", "2"}};
  CHECK(digestDocument(duplicate).error().find("twice") != std::string::npos);
  const DocumentField upper[] = {{"Name", "1"}};
  CHECK_FALSE(digestDocument(upper).ok());
  const DocumentField empty[] = {{"", "1"}};
  CHECK_FALSE(digestDocument(empty).ok());
  const DocumentField colon[] = {{"a:b", "1"}};
  CHECK_FALSE(digestDocument(colon).ok());
}
