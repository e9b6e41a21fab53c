#pragma once
// `?` → `$1, $2, …` for PostgreSQL, so handlers write one SQL text for both backends.
#include <string>
#include <string_view>

namespace onestop::central::store {

struct NumberedSql {
  std::string sql;
  int placeholders = 0;
};

/// Numbers every `?` outside string literals ('…', E'…'), quoted identifiers ("…"), dollar
/// quotes ($tag$…$tag$) and comments. Plain `?` only: no `?NNN` or `:name`, and no jsonb `?`
/// operators (use jsonb_exists()).
NumberedSql numberPlaceholders(std::string_view sql);

}  // namespace onestop::central::store
