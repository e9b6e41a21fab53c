# onestop-bench-sync: the kiosk's outbox and relay against the real central server (mutual
# TLS on loopback, SQLite): enqueue rate, drain rate of a backlog of filings made in a
# session and of filings accepted offline, heartbeat round trips. Figures are printed, not
# checked (included from bench/CMakeLists.txt).
if(NOT TARGET onestop_central_server OR NOT TARGET onestop_sync)
  return()
endif()
add_executable(onestop-bench-sync ${CMAKE_CURRENT_LIST_DIR}/sync_bench.cpp)
target_link_libraries(onestop-bench-sync PRIVATE onestop_sync onestop_central_server onestop_central_demo
  onestop_flags spdlog::spdlog nlohmann_json::nlohmann_json)
target_compile_definitions(onestop-bench-sync PRIVATE
  ONESTOP_DEV_PKI_SCRIPT="${ONESTOP_SOURCE_ROOT}/central/pki/make-dev-pki.sh")
