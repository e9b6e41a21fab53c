#pragma once
// The central database schema, as ordered migration steps (both SQLite and PostgreSQL).
#include <vector>

#include "store/database.hpp"

namespace onestop::central::api {

std::vector<store::Migration> centralMigrations();

}  // namespace onestop::central::api
