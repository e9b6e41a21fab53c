#pragma once
// Command-line options of onestop-kiosk. They override the config file.
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace onestop::app {

struct Options {
  std::string configFile;            ///< --config FILE
  std::string dataDir;               ///< --data-dir DIR (holds i18n/ and assets/)
  bool headless = false;             ///< --headless: offscreen software rendering, no display
  bool demo = false;                 ///< --demo
  std::optional<bool> fullscreen;    ///< --fullscreen
  std::optional<int> width, height;  ///< --window WxH
  std::optional<bool> largeText;     ///< --large
  std::optional<std::string> language;   ///< --lang CODE
  bool softwareRenderer = false;     ///< --software
  std::string centralDir;            ///< --central DIR: with --demo, embed the demo central server (data under DIR)
  std::string scenarioFile;          ///< --scenario FILE
  std::string screenshotDir = "out/screenshots";   ///< --screenshots DIR
  double exitAfterSeconds = 0;       ///< --exit-after S (benchmarks)
  std::string statsFile;             ///< --stats FILE: timings as JSON (benchmarks)
  std::string logLevel;              ///< --log-level LEVEL
  bool help = false;
};

core::Result<Options> parseOptions(const std::vector<std::string>& args);
const char* usage();

}  // namespace onestop::app
