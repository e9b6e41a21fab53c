# onestop-bench-idcard: card-present → identity latency and idle polling CPU, against the
# simulator at 115200 baud with wire delay (included from bench/CMakeLists.txt).
if(NOT TARGET onestop_idcard_sim)
  return()
endif()
add_executable(onestop-bench-idcard ${CMAKE_CURRENT_LIST_DIR}/idcard_bench.cpp)
target_link_libraries(onestop-bench-idcard PRIVATE onestop_idcard_sim onestop_idcard onestop_device onestop_core
  onestop_flags spdlog::spdlog)
