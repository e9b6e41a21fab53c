#pragma once
// The console's one stylesheet, compiled in (no files to deploy, no inline styles, so the
// Content-Security-Policy can forbid them).
#include <string_view>

namespace onestop::central::web {

extern const std::string_view kConsoleCss;

}  // namespace onestop::central::web
