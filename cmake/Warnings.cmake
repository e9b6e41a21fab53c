# Project-wide warning and sanitizer flags, applied to our own targets only (third-party
# code such as Dear ImGui is compiled without -Werror).
add_library(onestop_flags INTERFACE)
target_compile_options(onestop_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  # GCC 12 reports false positives inside std::variant at -O2 (release builds only).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
if(ONESTOP_WERROR)
  target_compile_options(onestop_flags INTERFACE -Werror)
endif()

if(ONESTOP_SANITIZE)
  # Applied globally so that every object, third-party included, is instrumented alike.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
