#pragma once
// onestop-devices subcommands: each device class contributes rows to one table, so
// adding `scan ...` or `printer ...` later is one new file and one line in main.cpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::peripherals::tools {

/// Parsed command line after the subcommand words: --key value / --flag, and positionals.
class Args {
 public:
  Args(std::vector<std::string> words, std::vector<std::string_view> flags);
  std::optional<std::string> get(std::string_view key) const;
  bool has(std::string_view flag) const;
  const std::vector<std::string>& positional() const { return positional_; }
  const std::string& error() const { return error_; }   ///< non-empty on a bad option

  std::string getOr(std::string_view key, std::string fallback) const { return get(key).value_or(std::move(fallback)); }
  /// Integer option with a range; sets error() when malformed.
  int intOr(std::string_view key, int fallback, int min, int max);

 private:
  std::vector<std::pair<std::string, std::string>> options_;
  std::vector<std::string> set_;
  std::vector<std::string> positional_;
  std::string error_;
};

struct Subcommand {
  std::vector<std::string_view> words;   ///< e.g. {"idcard", "read"}
  std::string_view usage;                ///< options synopsis
  std::string_view help;                 ///< one line
  std::vector<std::string_view> flags;   ///< options that take no value
  int (*run)(Args& args);
};

/// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;   ///< ran, but the result is negative (card refused)
inline constexpr int kExitUsage = 2;
inline constexpr int kExitDevice = 3;    ///< device missing or faulty

std::vector<Subcommand> deviceListCommands();
std::vector<Subcommand> idcardCommands();
std::vector<Subcommand> scanCommands();
/// `list`'s row for the code-scanning camera: opens it once and reports what it agreed to.
/// Returns true when the camera is online.
bool printCameraListRow(const std::string& device);
std::vector<Subcommand> renderCommands();
std::vector<Subcommand> printerCommands();

}  // namespace onestop::peripherals::tools
