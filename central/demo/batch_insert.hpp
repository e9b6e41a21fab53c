#pragma once
// Multi-row INSERTs with `?` placeholders: one statement per batch instead of one per
// row, which is what makes seeding a large synthetic population quick on both backends.
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace onestop::central::demo {

class BatchInsert {
 public:
  /// `parent`, when given, is flushed before this table's rows (foreign keys are checked
  /// per statement, so a citizen must be in before their contributions).
  BatchInsert(store::Connection& connection, std::string table, std::vector<std::string> columns,
              BatchInsert* parent = nullptr);

  /// Queues a row (one value per column); writes a full batch.
  store::DbResult<store::Done> add(std::vector<store::Value> row);
  /// Writes what is queued.
  store::DbResult<store::Done> flush();
  std::int64_t inserted() const { return inserted_; }

 private:
  std::string statementFor(std::size_t rows) const;

  store::Connection& connection_;
  std::string table_;
  std::vector<std::string> columns_;
  BatchInsert* parent_;
  std::size_t rowsPerBatch_;
  std::vector<store::Value> pending_;
  std::int64_t inserted_ = 0;
};

}  // namespace onestop::central::demo
