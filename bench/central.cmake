# onestop-bench-central: requests/s and latency of the real central server (mutual TLS on
# loopback) for identify, a contributions query and a filing, with 1, 16 and 64 clients, on
# SQLite and PostgreSQL (included from bench/CMakeLists.txt).
if(NOT TARGET onestop_central_server)
  return()
endif()
add_executable(onestop-bench-central ${CMAKE_CURRENT_LIST_DIR}/central_bench.cpp)
target_link_libraries(onestop-bench-central PRIVATE onestop_central_server onestop_central_demo
  onestop_central_http onestop_flags spdlog::spdlog)
target_compile_definitions(onestop-bench-central PRIVATE
  ONESTOP_DEV_PKI_SCRIPT="${ONESTOP_SOURCE_ROOT}/central/pki/make-dev-pki.sh"
  ONESTOP_PG_SCRIPT="${ONESTOP_SOURCE_ROOT}/tests/support/postgres.sh")

# ctest: a short libFuzzer run of the /v1 API's request handling (tests/fuzz/central_api_fuzz.cpp,
# separate clang build, ~25 s of fuzzing after a first build of a few minutes). Registered
# here with the other central benchmark bits; needs clang and its fuzzer runtime (Debian:
# clang, libclang-rt-14-dev), like the idcard fuzz test. Its own build directory, so that it
# never runs ninja in the same tree as the idcard fuzz test under ctest -j.
find_program(ONESTOP_CLANGXX NAMES clang++ clang++-14)
if(ONESTOP_CLANGXX)
  execute_process(COMMAND ${ONESTOP_CLANGXX} -print-file-name=libclang_rt.fuzzer-x86_64.a
    OUTPUT_VARIABLE _central_fuzz_rt OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()
if(NOT ONESTOP_CLANGXX OR NOT EXISTS "${_central_fuzz_rt}")
  message(STATUS "central API fuzz test skipped: needs clang++ and libclang-rt-14-dev")
else()
  set(_central_fuzz_test "fuzz: central API request handling (25 s)")
  add_test(NAME "${_central_fuzz_test}"
    COMMAND ${ONESTOP_SOURCE_ROOT}/tests/fuzz/run-fuzz.sh central_api 25 ${CMAKE_BINARY_DIR}/fuzz-central)
  set_tests_properties("${_central_fuzz_test}" PROPERTIES
    TIMEOUT 1200 LABELS fuzz ENVIRONMENT "ONESTOP_FUZZ_CXX=${ONESTOP_CLANGXX}")
endif()
