#pragma once
// Everything a screen needs to draw one frame: theme, translator, fonts, the frame log
// for scenarios, and the list where it reports the citizen's intents.
#include <chrono>
#include <string>
#include <vector>

#include "core/divisions.hpp"
#include "core/session.hpp"
#include "i18n/formatting.hpp"
#include "input/composition.hpp"
#include "ui/fonts.hpp"
#include "ui/frame_log.hpp"
#include "ui/theme.hpp"

namespace onestop::ui {

/// Facts from outside the session that screens show (no personal data here).
struct Environment {
  std::string hallName;                 ///< from config; empty = the catalog's default
  i18n::CivilDate today;
  int hour = 0, minute = 0;
  std::string version;
  std::vector<std::string> sampleNames;   ///< display check: names with rare characters
  // Scan screen: the camera preview as a renderer texture (null until the first frame)
  // and the hint to show when nothing was found for a while (empty = none yet).
  void* scanPreview = nullptr;
  int scanPreviewWidth = 0, scanPreviewHeight = 0;
  std::string scanHintKey;
  /// Seconds left before an idle session ends (0 = no countdown shown).
  int countdownSeconds = 0;
  // Certificate screen: the first page as it will print (null while none is ready).
  void* documentPreview = nullptr;
  int documentPreviewWidth = 0, documentPreviewHeight = 0;
  /// Address filing: the administrative divisions (null: their file could not be read).
  const core::Divisions* divisions = nullptr;
  /// The on-screen keyboard: the pinyin engine's latest state (its committed text already
  /// went to the session) and the 中/英 mode, which the keyboard flips itself.
  input::Composition keyboard;
  bool keyboardChinese = true;
};

struct UiContext {
  UiContext(FontLibrary& f, const i18n::Catalogs& c, std::string language)
      : fonts(f), catalogs(c), tr(c, std::move(language)) {}

  FontLibrary& fonts;
  const i18n::Catalogs& catalogs;
  i18n::Translator tr;
  Theme theme;
  FrameLog log;
  Environment env;
  std::vector<core::Event> intents;   ///< what the citizen asked for this frame
  std::vector<input::Key> typed;      ///< keys for the pinyin engine this frame (the app posts them)
  bool animating = false;             ///< a screen wants the next frame soon

  void emit(core::Event e) { intents.push_back(std::move(e)); }
};

}  // namespace onestop::ui
