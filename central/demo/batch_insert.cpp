#include "demo/batch_insert.hpp"

#include <algorithm>

namespace onestop::central::demo {
namespace {

// Well under SQLite's 32766 and PostgreSQL's 65535 bound parameters per statement.
constexpr std::size_t kMaxParameters = 4000;

}  // namespace

BatchInsert::BatchInsert(store::Connection& connection, std::string table, std::vector<std::string> columns,
                         BatchInsert* parent)
    : connection_(connection),
      table_(std::move(table)),
      columns_(std::move(columns)),
      parent_(parent),
      rowsPerBatch_(std::max<std::size_t>(1, kMaxParameters / columns_.size())) {}

store::DbResult<store::Done> BatchInsert::add(std::vector<store::Value> row) {
  if (row.size() != columns_.size())
    return store::DbError{store::DbError::Kind::Other, table_ + ": row has the wrong number of values"};
  for (auto& v : row) pending_.push_back(std::move(v));
  if (pending_.size() >= rowsPerBatch_ * columns_.size()) return flush();
  return store::Done{};
}

store::DbResult<store::Done> BatchInsert::flush() {
  if (pending_.empty()) return store::Done{};
  if (parent_) {
    auto parentDone = parent_->flush();
    if (!parentDone) return parentDone;
  }
  const std::size_t rows = pending_.size() / columns_.size();
  auto changed = connection_.execute(statementFor(rows), pending_);
  if (!changed) return changed.error();
  inserted_ += changed.value();
  pending_.clear();
  return store::Done{};
}

std::string BatchInsert::statementFor(std::size_t rows) const {
  std::string tuple = "(";
  for (std::size_t i = 0; i < columns_.size(); ++i) tuple += i ? ", ?" : "?";
  tuple += ")";
  std::string sql = "INSERT INTO " + table_ + " (";
  for (std::size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
  sql += ") VALUES ";
  sql.reserve(sql.size() + rows * (tuple.size() + 2));
  for (std::size_t r = 0; r < rows; ++r) {
    if (r) sql += ", ";
    sql += tuple;
  }
  return sql;
}

}  // namespace onestop::central::demo
