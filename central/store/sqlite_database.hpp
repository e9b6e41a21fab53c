#pragma once
#include <memory>
#include <string>

#include "store/database.hpp"

namespace onestop::central::store {

/// A pool of SQLite connections to the file at `path` (created when missing).
DbResult<std::unique_ptr<Database>> openSqlite(const std::string& path, const OpenOptions& options);

}  // namespace onestop::central::store
