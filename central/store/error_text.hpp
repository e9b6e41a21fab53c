#pragma once
// Error messages go to the log, and the log never holds personal data: they name the
// statement by its first words and never quote bound values.
#include <string>
#include <string_view>

namespace onestop::central::store {

/// The first words of a statement, whitespace collapsed ("INSERT INTO citizens (id, …").
std::string statementHead(std::string_view sql);

/// A data error's message without the offending input, which PostgreSQL quotes or appends
/// (`invalid input syntax for type bigint: "…"`, `value "…" is out of range`): quoted text
/// becomes "…" and whatever follows the first ": " becomes "…".
std::string withoutInput(std::string_view message);

}  // namespace onestop::central::store
