#include "ui/fonts.hpp"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/utf8.hpp"

static_assert(sizeof(ImWchar) == 4, "Dear ImGui must be built with IMGUI_USE_WCHAR32");

namespace onestop::ui {
namespace {

struct Wanted {
  const char* family;
  const char* package;
  bool required;
};

// Priority order. Noto Sans CJK SC draws the interface; BabelStone Han covers all of
// U+4E00–9FFF, Extension A and is the only one with Extension G; HanaMinB covers nearly all
// of Extensions B–F. HanaMinA fills Extension A gaps.
constexpr Wanted kWanted[] = {
    {"Noto Sans CJK SC", "fonts-noto-cjk", true},
    {"Noto Sans CJK TC", "fonts-noto-cjk", false},   // Traditional glyph forms for zh-TW
    {"BabelStone Han", "fonts-babelstone-han", false},
    {"HanaMinB", "fonts-hanazono", false},
    {"HanaMinA", "fonts-hanazono", false},
};

// Characters always present at every size: printable ASCII and the replacement character.
// Everything else is added when some text needs it.
constexpr char32_t kAlwaysRanges[][2] = {{0x0020, 0x007E}, {0xFFFD, 0xFFFD}};

bool familyMatches(FcPattern* font, const char* wanted) {
  FcChar8* fam = nullptr;
  for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &fam) == FcResultMatch; ++i)
    if (std::strcmp(reinterpret_cast<const char*>(fam), wanted) == 0) return true;
  return false;
}

bool mapFile(const std::string& path, const void** data, size_t* size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size <= 0) { ::close(fd); return false; }
  void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return false;
  *data = p;
  *size = static_cast<size_t>(st.st_size);
  return true;
}

}  // namespace

core::Result<FontLibrary> FontLibrary::locate() {
  if (!FcInit()) return core::Error{"fontconfig could not be initialised"};
  FontLibrary lib;
  for (const auto& w : kWanted) {
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(w.family));
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pat, &res);
    FcPatternDestroy(pat);
    FcChar8* file = nullptr;
    int index = 0;
    FontFace face{w.family, w.package, {}, 0, nullptr, 0, nullptr};
    if (match && familyMatches(match, w.family) &&
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
      FcPatternGetInteger(match, FC_INDEX, 0, &index);
      face.path = reinterpret_cast<const char*>(file);
      face.index = index;
      FcCharSet* cs = nullptr;
      if (FcPatternGetCharSet(match, FC_CHARSET, 0, &cs) == FcResultMatch) face.charset = FcCharSetCopy(cs);
    }
    if (match) FcPatternDestroy(match);
    if (face.path.empty() || !mapFile(face.path, &face.data, &face.size)) {
      if (face.charset) FcCharSetDestroy(static_cast<FcCharSet*>(face.charset));
      if (w.required)
        return core::Error{std::string("font \"") + w.family + "\" not found; install it with: apt-get install " + w.package};
      lib.missing_.push_back(std::string(w.family) + " (" + w.package + ")");
      continue;
    }
    lib.faces_.push_back(std::move(face));
  }
  return lib;
}

FontLibrary::FontLibrary(FontLibrary&& o) noexcept { *this = std::move(o); }

FontLibrary& FontLibrary::operator=(FontLibrary&& o) noexcept {
  if (this != &o) {
    release();
    faces_ = std::move(o.faces_);
    missing_ = std::move(o.missing_);
    for (int r = 0; r < static_cast<int>(FontRole::Count); ++r) {
      required_[r] = std::move(o.required_[r]);
      ranges_[r] = std::move(o.ranges_[r]);
    }
    std::memcpy(fonts_, o.fonts_, sizeof(fonts_));
    dirty_ = o.dirty_;
    o.faces_.clear();
  }
  return *this;
}

FontLibrary::~FontLibrary() { release(); }

void FontLibrary::release() {
  for (auto& f : faces_) {
    if (f.data) ::munmap(const_cast<void*>(f.data), f.size);
    if (f.charset) FcCharSetDestroy(static_cast<FcCharSet*>(f.charset));
  }
  faces_.clear();
}

void FontLibrary::preferTraditional(bool traditional) {
  // Faces[0] is SC; the TC face, when found, is moved first for Traditional Chinese so
  // characters take the forms readers there expect. Both cover the same characters.
  auto tc = std::find_if(faces_.begin(), faces_.end(), [](const FontFace& f) { return f.family == "Noto Sans CJK TC"; });
  auto sc = std::find_if(faces_.begin(), faces_.end(), [](const FontFace& f) { return f.family == "Noto Sans CJK SC"; });
  if (tc == faces_.end() || sc == faces_.end()) return;
  const bool tcFirst = tc < sc;
  if (tcFirst != traditional) {
    std::iter_swap(tc, sc);
    dirty_ = true;
  }
}

void FontLibrary::require(std::string_view text, FontRole role) {
  auto& set = required_[static_cast<int>(role)];
  for (size_t i = 0; i < text.size(); ++i) {
    // Fast path: ASCII is always in the atlas.
    if (static_cast<unsigned char>(text[i]) >= 0x80) {
      for (char32_t cp : core::decodeUtf8(text.substr(i)))
        if (cp >= 0x80 && set.insert(cp).second) dirty_ = true;
      return;
    }
  }
}

bool FontLibrary::covers(char32_t cp) const {
  for (const auto& f : faces_)
    if (f.charset && FcCharSetHasChar(static_cast<FcCharSet*>(f.charset), static_cast<FcChar32>(cp))) return true;
  return false;
}

AtlasStats FontLibrary::rebuild(ImFontAtlas& atlas, const float (&sizes)[static_cast<int>(FontRole::Count)]) {
  const auto start = std::chrono::steady_clock::now();
  // Give each character to the first face that has it. A fallback face is loaded for a
  // size only when some character needs it: opening a large CJK face costs tens of ms and
  // megabytes, and most screens need none of the rare-character faces.
  auto hasChar = [](const FontFace& f, char32_t cp) {
    return f.charset && FcCharSetHasChar(static_cast<FcCharSet*>(f.charset), static_cast<FcChar32>(cp));
  };
  for (int role = 0; role < static_cast<int>(FontRole::Count); ++role) {
    std::vector<std::vector<char32_t>> perFace(faces_.size());
    for (const auto& r : kAlwaysRanges)
      for (char32_t c = r[0]; c <= r[1]; ++c) perFace[0].push_back(c);
    for (char32_t cp : required_[role]) {
      size_t owner = 0;   // nobody has it: the primary face draws its fallback glyph
      for (size_t i = 0; i < faces_.size(); ++i)
        if (hasChar(faces_[i], cp)) { owner = i; break; }
      perFace[owner].push_back(cp);
    }
    auto& ranges = ranges_[role];
    ranges.assign(faces_.size(), {});
    for (size_t i = 0; i < faces_.size(); ++i) {
      auto& cps = perFace[i];
      std::sort(cps.begin(), cps.end());
      for (auto it = cps.begin(); it != cps.end();) {
        const char32_t lo = *it;
        char32_t hi = lo;
        for (++it; it != cps.end() && *it <= hi + 1; ++it) hi = *it;
        ranges[i].push_back(lo);
        ranges[i].push_back(hi);
      }
      if (!ranges[i].empty()) ranges[i].push_back(0);
    }
  }

  atlas.Clear();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  for (int role = 0; role < static_cast<int>(FontRole::Count); ++role) {
    ImFont* font = nullptr;
    for (size_t i = 0; i < faces_.size(); ++i) {
      if (ranges_[role][i].empty()) continue;
      ImFontConfig cfg;
      cfg.FontDataOwnedByAtlas = false;   // the mapping is shared by every size
      cfg.FontNo = faces_[i].index;
      cfg.MergeMode = font != nullptr;
      cfg.OversampleH = cfg.OversampleV = 1;   // FreeType ignores oversampling anyway
      std::snprintf(cfg.Name, sizeof(cfg.Name), "%s %.0fpx", faces_[i].family.c_str(), static_cast<double>(sizes[role]));
      ImFont* f = atlas.AddFontFromMemoryTTF(const_cast<void*>(faces_[i].data), static_cast<int>(faces_[i].size),
                                             sizes[role], &cfg, reinterpret_cast<const ImWchar*>(ranges_[role][i].data()));
      if (!font) font = f;
    }
    fonts_[role] = font;
  }
  atlas.Build();
  dirty_ = false;

  AtlasStats stats;
  for (int role = 0; role < static_cast<int>(FontRole::Count); ++role)
    if (fonts_[role]) stats.glyphs += fonts_[role]->Glyphs.Size;
  stats.width = atlas.TexWidth;
  stats.height = atlas.TexHeight;
  stats.buildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace onestop::ui
