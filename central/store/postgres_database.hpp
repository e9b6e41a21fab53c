#pragma once
#include <memory>
#include <string>

#include "store/database.hpp"

namespace onestop::central::store {

/// A pool of libpq connections to the server named by `url` (postgresql://…).
DbResult<std::unique_ptr<Database>> openPostgres(const std::string& url, const OpenOptions& options);

}  // namespace onestop::central::store
