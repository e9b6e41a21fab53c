#pragma once
// One logger for the whole kiosk (spdlog). Rule: never personal data in a log line —
// names, ID numbers, phone numbers and addresses are logged masked or not at all.
#include <spdlog/spdlog.h>

#include <string>

#include "core/result.hpp"

namespace onestop::app {

/// Sets up the default logger: stderr, plus a rotating file when `file` is not empty.
core::Result<bool> setupLogging(const std::string& level, const std::string& file);

}  // namespace onestop::app
