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
