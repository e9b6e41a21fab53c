# A throwaway PostgreSQL server on loopback, as a ctest fixture: "postgres: start" runs
# before any test that requires it, "postgres: stop" after the last one (ctest adds both
# when a -R selection needs them). Suites that use it register with onestop_add_db_tests.
set(ONESTOP_PG_TEST_DIR ${CMAKE_CURRENT_BINARY_DIR}/postgres)
set(ONESTOP_PG_TEST_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/postgres.sh)

add_test(NAME "postgres: start" COMMAND ${ONESTOP_PG_TEST_SCRIPT} start ${ONESTOP_PG_TEST_DIR})
add_test(NAME "postgres: stop" COMMAND ${ONESTOP_PG_TEST_SCRIPT} stop ${ONESTOP_PG_TEST_DIR})
set_tests_properties("postgres: start" PROPERTIES FIXTURES_SETUP postgres TIMEOUT 120)
set_tests_properties("postgres: stop" PROPERTIES FIXTURES_CLEANUP postgres TIMEOUT 60)

# freshPostgresUrl / freshSqlitePath for tests (test_db.hpp).
add_library(onestop_test_db STATIC ${CMAKE_CURRENT_LIST_DIR}/test_db.cpp)
target_include_directories(onestop_test_db PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(onestop_test_db PUBLIC onestop_central_store doctest::doctest PRIVATE onestop_flags)

# Like onestop_add_tests, for suites that talk to a database: every test waits for the
# fixture and finds the server's URL in the file named by ONESTOP_TEST_PG_URL_FILE.
#   onestop_add_db_tests(NAME SOURCES a.cpp ... LIBS onestop_central_api ...)
function(onestop_add_db_tests name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ONESTOP_SOURCE_ROOT}/tests/unit/doctest_main.cpp ${T_SOURCES})
  target_link_libraries(${name} PRIVATE doctest::doctest onestop_flags onestop_test_db ${T_LIBS})
  target_compile_definitions(${name} PRIVATE ONESTOP_SOURCE_ROOT="${ONESTOP_SOURCE_ROOT}")
  # ENVIRONMENT_MODIFICATION rather than a second ENVIRONMENT entry: a list would have to
  # survive doctest_discover_tests' argument passing with its semicolon intact.
  doctest_discover_tests(${name} TEST_PREFIX "${name}: "
    PROPERTIES
      FIXTURES_REQUIRED postgres
      ENVIRONMENT "LSAN_OPTIONS=suppressions=${ONESTOP_SOURCE_ROOT}/tests/lsan.supp"
      ENVIRONMENT_MODIFICATION "ONESTOP_TEST_PG_URL_FILE=set:${ONESTOP_PG_TEST_DIR}/url")
endfunction()
