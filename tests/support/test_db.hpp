#pragma once
// Databases for tests. Every call makes a new, empty database, so tests that ctest runs in
// parallel never see each other's rows. Link onestop_test_db (onestop_add_db_tests does).
#include <string>
#include <string_view>

namespace onestop::test {

/// The URL of a new database on the PostgreSQL test server (the "postgres" ctest fixture,
/// whose URL file ONESTOP_TEST_PG_URL_FILE names). Empty when that variable is unset, i.e.
/// the test binary was started by hand rather than by ctest: skip the PostgreSQL case then.
/// Fails the running test when the variable is set but the server cannot be used.
std::string freshPostgresUrl(std::string_view prefix);

/// A path for a new SQLite database, in a temporary directory removed at process exit.
std::string freshSqlitePath(std::string_view prefix);

}  // namespace onestop::test
