#pragma once
// The files the kiosk keeps in librime's user data dir: settings patches that turn off
// learning and keep only the two Luna Pinyin schemas, and the scrub of anything learnt.
#include <filesystem>
#include <string>

#include "input/composition.hpp"

namespace onestop::input::rime_data {

/// Schema id of each script.
const char* schemaFor(Script script);

/// Creates the dir and writes the patches (only when changed, so compiled data is reused).
/// Returns an error message, empty on success.
std::string writeSettings(const std::filesystem::path& userDir, int pageSize);

/// What the shared data dir must hold; an error naming the missing file, empty when complete.
std::string checkSharedData(const std::filesystem::path& sharedDir);

/// Removes user dictionaries and sync snapshots, should any exist (older settings, a
/// hand-run tool): typed text must never persist.
void scrubLearnt(const std::filesystem::path& userDir);

}  // namespace onestop::input::rime_data
