#include "app/options.hpp"

#include <charconv>

namespace onestop::app {
namespace {

bool parseInt(const std::string& s, int& out) {
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end;
}

}  // namespace

const char* usage() {
  return "usage: onestop-kiosk [options]\n"
         "  --config FILE        kiosk configuration (TOML); see docs/operator-guide.md\n"
         "  --data-dir DIR       where i18n/ and assets/ live\n"
         "  --demo               demo mode (simulated devices, sample data)\n"
         "  --headless           render offscreen, no display needed\n"
         "  --fullscreen         fill the screen\n"
         "  --window WxH         window size (default 1920x1080)\n"
         "  --large              start in large-text (elderly) mode\n"
         "  --lang CODE          default language: zh-CN, en, zh-TW\n"
         "  --software           force the software renderer\n"
         "  --scenario FILE      play a scenario (see docs/scenarios.md); exit 0 if all held\n"
         "  --screenshots DIR    where scenario screenshots go (default out/screenshots)\n"
         "  --exit-after SECONDS quit after this long (benchmarks)\n"
         "  --central DIR        with --demo: run the demo central server on loopback, data under DIR\n"
         "  --stats FILE         write timing figures as JSON on exit (benchmarks)\n"
         "  --log-level LEVEL    trace, debug, info, warn, error\n";
}

core::Result<Options> parseOptions(const std::vector<std::string>& args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) -> bool {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") o.help = true;
    else if (a == "--headless") o.headless = true;
    else if (a == "--demo") o.demo = true;
    else if (a == "--fullscreen") o.fullscreen = true;
    else if (a == "--large") o.largeText = true;
    else if (a == "--software") o.softwareRenderer = true;
    else if (a == "--config") { if (!value(o.configFile)) return core::Error{"--config needs a file"}; }
    else if (a == "--data-dir") { if (!value(o.dataDir)) return core::Error{"--data-dir needs a directory"}; }
    else if (a == "--central") { if (!value(o.centralDir)) return core::Error{"--central needs a directory"}; }
    else if (a == "--scenario") { if (!value(o.scenarioFile)) return core::Error{"--scenario needs a file"}; }
    else if (a == "--screenshots") { if (!value(o.screenshotDir)) return core::Error{"--screenshots needs a directory"}; }
    else if (a == "--stats") { if (!value(o.statsFile)) return core::Error{"--stats needs a file"}; }
    else if (a == "--log-level") { if (!value(o.logLevel)) return core::Error{"--log-level needs a level"}; }
    else if (a == "--lang") {
      if (!value(v)) return core::Error{"--lang needs a language code (zh-CN, en, zh-TW)"};
      o.language = v;
    } else if (a == "--window") {
      if (!value(v)) return core::Error{"--window needs WIDTHxHEIGHT, e.g. 1920x1080"};
      const auto x = v.find('x');
      int w = 0, h = 0;
      if (x == std::string::npos || !parseInt(v.substr(0, x), w) || !parseInt(v.substr(x + 1), h) || w < 640 ||
          h < 480 || w > 7680 || h > 4320)
        return core::Error{"--window " + v + ": expected WIDTHxHEIGHT between 640x480 and 7680x4320"};
      o.width = w;
      o.height = h;
    } else if (a == "--exit-after") {
      if (!value(v)) return core::Error{"--exit-after needs seconds"};
      try { o.exitAfterSeconds = std::stod(v); } catch (...) { return core::Error{"--exit-after " + v + ": not a number"}; }
      if (o.exitAfterSeconds <= 0) return core::Error{"--exit-after must be positive"};
    } else {
      return core::Error{"unknown option " + a + " (see --help)"};
    }
  }
  if (!o.centralDir.empty() && !o.demo) return core::Error{"--central runs the demo central server: it needs --demo"};
  return o;
}

}  // namespace onestop::app
