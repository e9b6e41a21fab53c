// onestop-devices: list peripherals and exercise them without the kiosk UI.
#include <cstdio>
#include <string>
#include <vector>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "command_table.hpp"

using namespace onestop::peripherals::tools;

namespace {

std::vector<Subcommand> allCommands() {
  std::vector<Subcommand> all;
  for (auto group : {deviceListCommands(), idcardCommands(), scanCommands(), renderCommands(), printerCommands()})
    all.insert(all.end(), group.begin(), group.end());
  return all;
}

void usage(const std::vector<Subcommand>& commands) {
  std::fprintf(stderr, "usage: onestop-devices <command> [options]\n\n");
  for (const auto& c : commands) {
    std::string words;
    for (auto w : c.words) words += std::string(w) + " ";
    std::fprintf(stderr, "  %s%.*s\n      %.*s\n", words.c_str(), static_cast<int>(c.usage.size()), c.usage.data(),
                 static_cast<int>(c.help.size()), c.help.data());
  }
  std::fprintf(stderr, "\n  --verbose on any command logs the protocol steps to stderr.\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  spdlog::set_default_logger(spdlog::stderr_color_mt("onestop-devices"));   // stdout is for results
  spdlog::set_level(spdlog::level::warn);
  const auto commands = allCommands();
  // The longest subcommand whose words prefix the command line wins.
  const Subcommand* best = nullptr;
  for (const auto& c : commands) {
    if (c.words.size() > words.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < c.words.size(); ++i) match = match && words[i] == c.words[i];
    if (match && (!best || c.words.size() > best->words.size())) best = &c;
  }
  if (!best) {
    usage(commands);
    return words.empty() || words[0] == "help" || words[0] == "--help" ? kExitOk : kExitUsage;
  }
  auto flags = best->flags;
  flags.push_back("verbose");
  flags.push_back("help");
  Args args({words.begin() + static_cast<std::ptrdiff_t>(best->words.size()), words.end()}, flags);
  if (args.has("help")) {
    usage({*best});
    return kExitOk;
  }
  if (!args.error().empty()) {
    std::fprintf(stderr, "onestop-devices: %s\n", args.error().c_str());
    return kExitUsage;
  }
  if (args.has("verbose")) spdlog::set_level(spdlog::level::debug);
  return best->run(args);
}
