#pragma once
// Writes demo and synthetic citizens into the record tables (central/api/schema.cpp).
// The demo database is created once: people already present are left alone.
#include <chrono>
#include <cstdint>
#include <vector>

#include "demo/people_file.hpp"
#include "demo/records.hpp"
#include "store/database.hpp"

namespace onestop::central::demo {

/// Rows written per table.
struct SeedSummary {
  std::int64_t alreadyPresent = 0;  ///< citizens skipped because their id was there
  std::int64_t citizens = 0;
  std::int64_t participations = 0;
  std::int64_t participationHistory = 0;
  std::int64_t contributions = 0;
  std::int64_t pensionAccounts = 0;
  std::int64_t benefitPayments = 0;
  std::int64_t esscTokens = 0;
};

/// Expands the in-system people of people.json (see demo_citizens.hpp) and inserts
/// those whose internal id is not in `citizens` yet, all in one transaction. An invalid
/// people file is refused with DbError::Kind::Other before anything is written.
store::DbResult<SeedSummary> seedDemoCitizens(store::Connection& connection, const std::vector<DemoPerson>& people,
                                              std::chrono::year_month_day referenceDate);

/// Inserts `count` synthetic citizens (synthetic.hpp) in one transaction, streaming them
/// in batches. Does nothing (alreadyPresent = count) when the first one is already there,
/// so a benchmark database is seeded once per size.
store::DbResult<SeedSummary> seedSynthetic(store::Connection& connection, std::int64_t count, std::uint64_t seed,
                                           std::chrono::year_month_day referenceDate);

}  // namespace onestop::central::demo
