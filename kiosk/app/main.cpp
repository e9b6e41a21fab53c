// onestop-kiosk: a thin shell; the work lives in the libraries.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/kiosk_app.hpp"
#include "app/options.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto opts = onestop::app::parseOptions(args);
  if (!opts) {
    std::fprintf(stderr, "onestop-kiosk: %s\n%s", opts.error().c_str(), onestop::app::usage());
    return 2;
  }
  if (opts->help) {
    std::fputs(onestop::app::usage(), stdout);
    return 0;
  }
  return onestop::app::runKiosk(opts.value());
}
