#pragma once
// Where the kiosk finds i18n/ and assets/: --data-dir, $ONESTOP_DATA_DIR, the source tree
// it was built from, then the installed location.
#include <filesystem>
#include <string>

namespace onestop::app {

std::filesystem::path findDataDir(const std::string& fromOption);

}  // namespace onestop::app
