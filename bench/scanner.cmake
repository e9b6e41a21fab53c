# onestop-bench-scanner: the kiosk's decode pipeline against plain ZXing-cpp, zbar and
# OpenCV's QRCodeDetector on ../shared/data/qr-samples, and per-frame cost on 1280x720
# frames (included from bench/CMakeLists.txt).
if(NOT TARGET onestop_scanner)
  return()
endif()
find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs objdetect)
find_package(ZXing REQUIRED)
add_executable(onestop-bench-scanner ${CMAKE_CURRENT_LIST_DIR}/scanner_bench.cpp
  ${ONESTOP_SOURCE_ROOT}/tests/support/qr_samples.cpp)
target_include_directories(onestop-bench-scanner PRIVATE ${ONESTOP_SOURCE_ROOT}/tests/support)
target_compile_definitions(onestop-bench-scanner PRIVATE ONESTOP_SOURCE_ROOT="${ONESTOP_SOURCE_ROOT}")
target_link_libraries(onestop-bench-scanner PRIVATE onestop_scanner onestop_flags ZXing::ZXing
  opencv_imgcodecs opencv_imgproc opencv_objdetect)
