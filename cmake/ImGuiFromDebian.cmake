# Dear ImGui 1.86 compiled from Debian's own source package (fetched by ./onestop into
# .deps/imgui with `apt-get source imgui`).
#
# Why not Debian's binary libimgui.a: it is built with 16-bit ImWchar, so every character
# outside the Basic Multilingual Plane (CJK Extension B and later, found in real citizens'
# names, e.g. U+2020C) is drawn as U+FFFD. Defining IMGUI_USE_WCHAR32 only in our code
# would break the library's ABI. It also lacks the SDL_Renderer backend and FreeType.
# Same upstream source, same version, our flags: IMGUI_USE_WCHAR32 + FreeType rasteriser.
set(ONESTOP_IMGUI_SOURCE_DIR "${CMAKE_SOURCE_DIR}/.deps/imgui" CACHE PATH
    "Unpacked Debian imgui 1.86 source package (apt-get source imgui)")

if(NOT EXISTS "${ONESTOP_IMGUI_SOURCE_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui source not found in ${ONESTOP_IMGUI_SOURCE_DIR}.\n"
    "Run ./onestop test (or ./onestop deps), which fetches it with `apt-get source imgui`.")
endif()

find_package(Freetype REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SDL2_FOR_IMGUI REQUIRED IMPORTED_TARGET sdl2)

set(_im "${ONESTOP_IMGUI_SOURCE_DIR}")
add_library(onestop_imgui STATIC
  ${_im}/imgui.cpp ${_im}/imgui_draw.cpp ${_im}/imgui_tables.cpp ${_im}/imgui_widgets.cpp
  ${_im}/imgui_demo.cpp
  ${_im}/misc/freetype/imgui_freetype.cpp
  ${_im}/misc/cpp/imgui_stdlib.cpp
  ${_im}/backends/imgui_impl_sdlrenderer.cpp)
target_include_directories(onestop_imgui SYSTEM PUBLIC ${_im} ${_im}/backends ${_im}/misc/freetype ${_im}/misc/cpp)
target_compile_definitions(onestop_imgui PUBLIC IMGUI_USE_WCHAR32 IMGUI_ENABLE_FREETYPE
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_link_libraries(onestop_imgui PUBLIC Freetype::Freetype PkgConfig::SDL2_FOR_IMGUI)
set_target_properties(onestop_imgui PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_options(onestop_imgui PRIVATE -w)   # third-party code: not ours to warn about
