# A throwaway CUPS scheduler with a PDF queue (cups-pdf) and failing queues, as a ctest
# fixture: "cups: start" runs before any test that requires it, "cups: stop" after the
# last one. Suites that print register with onestop_add_cups_tests.
set(ONESTOP_CUPS_TEST_DIR ${CMAKE_CURRENT_BINARY_DIR}/cups)
set(ONESTOP_CUPS_TEST_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/cups.sh)

add_test(NAME "cups: start" COMMAND ${ONESTOP_CUPS_TEST_SCRIPT} start ${ONESTOP_CUPS_TEST_DIR})
add_test(NAME "cups: stop" COMMAND ${ONESTOP_CUPS_TEST_SCRIPT} stop ${ONESTOP_CUPS_TEST_DIR})
set_tests_properties("cups: start" PROPERTIES FIXTURES_SETUP cups TIMEOUT 60)
set_tests_properties("cups: stop" PROPERTIES FIXTURES_CLEANUP cups TIMEOUT 60)

# Like onestop_add_tests, for suites that print through CUPS: every test waits for the
# fixture and finds the scheduler in the file named by ONESTOP_TEST_CUPS_ENV_FILE.
#   onestop_add_cups_tests(NAME SOURCES a.cpp ... LIBS onestop_printer ...)
function(onestop_add_cups_tests name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ONESTOP_SOURCE_ROOT}/tests/unit/doctest_main.cpp ${T_SOURCES})
  target_link_libraries(${name} PRIVATE doctest::doctest onestop_flags ${T_LIBS})
  target_compile_definitions(${name} PRIVATE ONESTOP_SOURCE_ROOT="${ONESTOP_SOURCE_ROOT}")
  doctest_discover_tests(${name} TEST_PREFIX "${name}: "
    PROPERTIES
      FIXTURES_REQUIRED cups
      RESOURCE_LOCK cups
      ENVIRONMENT "LSAN_OPTIONS=suppressions=${ONESTOP_SOURCE_ROOT}/tests/lsan.supp"
      ENVIRONMENT_MODIFICATION "ONESTOP_TEST_CUPS_ENV_FILE=set:${ONESTOP_CUPS_TEST_DIR}/env")
endfunction()
