# onestop-bench-documents: certificate render time and PDF size per type (1 page and a
# 3-page personal rights record), the preview raster, receipts (ESC/POS and the simulated
# printout), printing a receipt through the driver to the simulated printer, and submit →
# "completed" on a real CUPS PDF queue (included from bench/CMakeLists.txt).
if(NOT TARGET onestop_documents OR NOT TARGET onestop_printer_sim)
  return()
endif()
add_executable(onestop-bench-documents ${CMAKE_CURRENT_LIST_DIR}/documents_bench.cpp)
target_link_libraries(onestop-bench-documents PRIVATE onestop_documents onestop_printer_sim onestop_printer
  onestop_core onestop_flags nlohmann_json::nlohmann_json spdlog::spdlog)
target_compile_definitions(onestop-bench-documents PRIVATE
  ONESTOP_CERTIFICATE_FIXTURES="${ONESTOP_SOURCE_ROOT}/tests/data/certificates"
  ONESTOP_CUPS_SCRIPT="${ONESTOP_SOURCE_ROOT}/tests/support/cups.sh")
