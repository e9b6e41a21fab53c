#include "input/rime_user_data.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <vector>

namespace onestop::input::rime_data {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSchemas[] = {"luna_pinyin_simp", "luna_pinyin_tw"};

// Every schema the two scripts build on: luna_pinyin is included by both and applies its
// own .custom patch, so all three get the same one.
constexpr const char* kPatchedSchemas[] = {"luna_pinyin", "luna_pinyin_simp", "luna_pinyin_tw"};

// No learning (user dictionary), no custom phrases, no stroke reverse lookup (a second
// dictionary to compile for a feature the keyboard has no key for).
constexpr const char* kSchemaPatch =
    "# Written by OneStop at every start; edits are overwritten.\n"
    "patch:\n"
    "  schema/dependencies: []\n"
    "  engine/translators:\n"
    "    - script_translator\n"
    "  translator/enable_user_dict: false\n";

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Rewriting an unchanged file would make librime recompile: leave it alone then.
std::string writeIfChanged(const fs::path& p, const std::string& content) {
  std::error_code ec;
  if (fs::exists(p, ec) && readAll(p) == content) return {};
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) return "cannot write " + p.string();
  return {};
}

}  // namespace

const char* schemaFor(Script script) { return script == Script::Traditional ? kSchemas[1] : kSchemas[0]; }

std::string writeSettings(const fs::path& userDir, int pageSize) {
  std::error_code ec;
  fs::create_directories(userDir, ec);
  if (ec || !fs::is_directory(userDir)) return "cannot create the user data dir " + userDir.string() + ": " + ec.message();
  std::ostringstream def;
  def << "# Written by OneStop at every start; edits are overwritten.\n"
      << "patch:\n"
      << "  schema_list:\n";
  for (const char* s : kSchemas) def << "    - schema: " << s << "\n";
  def << "  menu/page_size: " << pageSize << "\n";
  if (auto e = writeIfChanged(userDir / "default.custom.yaml", def.str()); !e.empty()) return e;
  for (const char* s : kPatchedSchemas)
    if (auto e = writeIfChanged(userDir / (std::string(s) + ".custom.yaml"), kSchemaPatch); !e.empty()) return e;
  return {};
}

std::string checkSharedData(const fs::path& sharedDir) {
  std::error_code ec;
  if (!fs::is_directory(sharedDir, ec)) return "shared data dir " + sharedDir.string() + " does not exist";
  std::vector<std::string> needed = {"default.yaml", "luna_pinyin.schema.yaml"};
  for (const char* s : kSchemas) needed.push_back(std::string(s) + ".schema.yaml");
  for (const auto& f : needed)
    if (!fs::is_regular_file(sharedDir / f, ec)) return "shared data dir " + sharedDir.string() + " has no " + f;
  // The dictionary: its source, or at least the packaged compiled table.
  if (!fs::is_regular_file(sharedDir / "luna_pinyin.dict.yaml", ec) &&
      !fs::is_regular_file(sharedDir / "build" / "luna_pinyin.table.bin", ec))
    return "shared data dir " + sharedDir.string() + " has no luna_pinyin.dict.yaml";
  return {};
}

void scrubLearnt(const fs::path& userDir) {
  std::error_code ec;
  if (!fs::is_directory(userDir, ec)) return;
  std::vector<fs::path> doomed;
  for (const auto& e : fs::directory_iterator(userDir, ec)) {
    const std::string name = e.path().filename().string();
    // luna_pinyin.userdb (LevelDB dir), *.userdb.txt snapshots, the sync dir.
    if (name.find(".userdb") != std::string::npos || name == "sync") doomed.push_back(e.path());
  }
  for (const auto& p : doomed) fs::remove_all(p, ec);
}

}  // namespace onestop::input::rime_data
