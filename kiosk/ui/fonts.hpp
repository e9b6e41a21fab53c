#pragma once
// Fonts for the kiosk: located through fontconfig, rasterised by FreeType into an atlas
// that holds only the characters actually needed (catalog strings + data on screen).
// When new characters appear (a citizen's name), the atlas is rebuilt between frames.
//
// Why not a whole-range atlas: the full CJK range takes 0.6–1.4 s, textures beyond the
// renderer's limit and ~325 MB; a needed-only atlas of a few hundred glyphs takes ms.
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

struct ImFont;
struct ImFontAtlas;

namespace onestop::ui {

/// A font file mapped read-only into memory (shared by every size in the atlas).
struct FontFace {
  std::string family;       ///< fontconfig family asked for
  std::string package;      ///< Debian package that provides it (for messages)
  std::string path;
  int index = 0;            ///< face index inside a .ttc collection
  const void* data = nullptr;
  size_t size = 0;
  void* charset = nullptr;  ///< FcCharSet*, for coverage questions
};

enum class FontRole { Body, Heading, Display, Count };

struct AtlasStats {
  int glyphs = 0;
  int width = 0, height = 0;
  double buildMs = 0;
};

class FontLibrary {
 public:
  /// Finds the primary face (Noto Sans CJK SC) and the rare-character fallbacks. Fails,
  /// naming the package to install, when the primary face is missing.
  static core::Result<FontLibrary> locate();

  FontLibrary() = default;
  FontLibrary(FontLibrary&&) noexcept;
  FontLibrary& operator=(FontLibrary&&) noexcept;
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;
  ~FontLibrary();

  /// Makes sure every character of `text` will be in the atlas at the size of `role`.
  /// Cheap when nothing is new; otherwise the atlas is dirty until the next rebuild.
  void require(std::string_view text, FontRole role);
  bool dirty() const { return dirty_; }
  /// Traditional Chinese glyph forms first (zh-TW) or Simplified (everything else).
  void preferTraditional(bool traditional);

  /// Clears `atlas` and rebuilds it at the given pixel sizes (one per role).
  AtlasStats rebuild(ImFontAtlas& atlas, const float (&sizes)[static_cast<int>(FontRole::Count)]);
  ImFont* font(FontRole role) const { return fonts_[static_cast<int>(role)]; }

  /// True when some located face has a glyph for cp.
  bool covers(char32_t cp) const;
  /// Faces in priority order (primary first); missing fallbacks are absent.
  const std::vector<FontFace>& faces() const { return faces_; }
  /// Fallback families that could not be found (rare names may not render): for the log.
  const std::vector<std::string>& missingFallbacks() const { return missing_; }
  size_t requiredCount(FontRole role) const { return required_[static_cast<int>(role)].size(); }
  bool holds(char32_t cp, FontRole role) const { return required_[static_cast<int>(role)].count(cp) != 0; }
  /// Forgets every glyph asked for but those in `keep` (at the end of a session: the
  /// characters of a name must not stay behind in the atlas, the catalog's may); the atlas is
  /// rebuilt only when something was dropped.
  void forgetExcept(const std::set<char32_t>& keep) {
    for (auto& set : required_)
      for (auto it = set.begin(); it != set.end();) {
        if (keep.count(*it)) {
          ++it;
        } else {
          it = set.erase(it);
          dirty_ = true;
        }
      }
  }

 private:
  void release();

  std::vector<FontFace> faces_;
  std::vector<std::string> missing_;
  // Per size: a title's characters are not rasterised at body size and vice versa.
  std::set<char32_t> required_[static_cast<int>(FontRole::Count)];
  // Per size, per face: the ImWchar ranges that face supplies (0-terminated; empty = unused).
  std::vector<std::vector<unsigned int>> ranges_[static_cast<int>(FontRole::Count)];
  ImFont* fonts_[static_cast<int>(FontRole::Count)] = {};
  bool dirty_ = true;
};

}  // namespace onestop::ui
