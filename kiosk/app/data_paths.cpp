#include "app/data_paths.hpp"

#include <cstdlib>

namespace onestop::app {

std::filesystem::path findDataDir(const std::string& fromOption) {
  namespace fs = std::filesystem;
  if (!fromOption.empty()) return fromOption;
  if (const char* env = std::getenv("ONESTOP_DATA_DIR"); env && *env) return env;
  const fs::path candidates[] = {ONESTOP_SOURCE_ROOT, "/usr/share/onestop"};
  for (const auto& c : candidates)
    if (fs::exists(c / "i18n" / "languages.json")) return c;
  return ONESTOP_SOURCE_ROOT;
}

}  // namespace onestop::app
