// Proof that nothing of the last citizen stays behind when a session ends: a session with a
// rare-character name is drawn for real (ImGui, FreeType atlas, the catalogs) through
// identification and a query of their records; then "Finish". Afterwards the session state,
// the frame's texts, the ImGui text buffers and the font atlas's glyph set hold nothing of
// them — and each check is first shown to see the data while the session lasts.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <set>

#include "core/session.hpp"
#include "core/utf8.hpp"
#include "i18n/catalogs.hpp"
#include "ui/context.hpp"
#include "ui/fonts.hpp"
#include "ui/kiosk_ui.hpp"

using namespace onestop;

namespace {

constexpr const char* kName = "测试王𠈌";          // U+2020C: a glyph only this name brings
constexpr char32_t kRare = 0x2020C;
constexpr const char* kIdNumber = "11010519491231002X";
constexpr const char* kAmount = "12,345.67";      // a figure of their pension account

// One frame as the kiosk draws it (the atlas rebuilt first when a screen needs new glyphs).
void frame(ui::UiContext& ui, const core::SessionState& s) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (ui.fonts.dirty()) {
      const float sizes[] = {ui.theme.body(), ui.theme.heading(), ui.theme.display()};
      ui.fonts.rebuild(*ImGui::GetIO().Fonts, sizes);
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1920, 1080);
    io.DeltaTime = 1.0f / 30;
    ImGui::NewFrame();
    ui::drawFrame(ui, s);
    ImGui::Render();
    if (!ui.fonts.dirty()) return;
  }
}

bool holdsAnywhere(const ui::FontLibrary& fonts, char32_t cp) {
  for (auto role : {ui::FontRole::Body, ui::FontRole::Heading, ui::FontRole::Display})
    if (fonts.holds(cp, role)) return true;
  return false;
}

// ImGui's own text buffers (text input state, scratch buffers) as bytes.
std::string imguiTextBuffers() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  std::string out(g.TempBuffer, sizeof g.TempBuffer);
  out.append(g.InputTextState.TextA.Data ? g.InputTextState.TextA.Data : "", g.InputTextState.TextA.Size);
  out.append(g.InputTextState.InitialTextA.Data ? g.InputTextState.InitialTextA.Data : "",
             g.InputTextState.InitialTextA.Size);
  return out;
}

}  // namespace

TEST_CASE("after Finish nothing of the last citizen remains: state, frame texts, ImGui buffers, glyph cache") {
  auto fonts = ui::FontLibrary::locate();
  REQUIRE_MESSAGE(fonts.ok(), fonts.error());
  auto catalogs = i18n::Catalogs::load(std::filesystem::path(ONESTOP_SOURCE_ROOT) / "i18n");
  REQUIRE_MESSAGE(catalogs.ok(), catalogs.error());
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  {
    ui::UiContext ui(fonts.value(), catalogs.value(), "zh-CN");
    core::Session session;
    session.handle(core::ev::LinkChanged{core::LinkStatus::Online, 0});
    session.handle(core::ev::StartIdentify{"query_personal_account"});
    core::Identity who;
    who.name = kName;
    who.idNumber = kIdNumber;
    session.handle(core::ev::CardRead{who, ""});
    frame(ui, session.state());
    // While the session lasts the checks below do see the citizen.
    CHECK(ui.log.showsText(kName));
    CHECK(ui.log.showsText("110105********002X"));
    CHECK(holdsAnywhere(ui.fonts, kRare));

    std::uint64_t request = 0;
    for (const auto& fx : session.handle(core::ev::StartQuery{core::QueryKind::PensionAccount}))
      if (const auto* run = std::get_if<core::fx::RunQuery>(&fx)) request = run->request;
    REQUIRE(request != 0);
    core::QueryAnswer answer;
    answer.pensionBalanceFen = 1234567;
    answer.pensionYears.push_back({2025, 1000000, 200000, 34567, 1234567});
    session.handle(core::ev::QueryLoaded{request, answer});
    frame(ui, session.state());
    CHECK(ui.log.showsText(kAmount));

    // The citizen taps "Finish": the session and the UI forget them (as the app does on
    // fx::SessionEnded), and the attract screen is drawn.
    bool ended = false;
    for (const auto& fx : session.handle(core::ev::Finish{}))
      if (std::holds_alternative<core::fx::SessionEnded>(fx)) ended = true;
    REQUIRE(ended);
    // The catalog's characters may stay (they say nothing of anyone); the name's must go.
    std::set<char32_t> catalogGlyphs;
    for (const auto& key : catalogs.value().keys("zh-CN"))
      for (char32_t cp : core::decodeUtf8(catalogs.value().text("zh-CN", key))) catalogGlyphs.insert(cp);
    REQUIRE(catalogGlyphs.count(kRare) == 0);
    ui::forgetSession(ui, catalogGlyphs);
    frame(ui, session.state());

    const auto& s = session.state();
    CHECK(s.screen == core::Screen::Home);
    CHECK_FALSE(session.holdsPersonalData());
    CHECK_FALSE(s.citizen.has_value());
    CHECK_FALSE(s.query.has_value());
    CHECK_FALSE(s.filing.has_value());
    CHECK_FALSE(s.rating.has_value());
    CHECK(s.esscToken.empty());
    CHECK_FALSE(ui.log.showsText(kName));
    CHECK_FALSE(ui.log.showsText("002X"));
    CHECK_FALSE(ui.log.showsText(kAmount));
    const std::string buffers = imguiTextBuffers();
    CHECK(buffers.find(kName) == std::string::npos);
    CHECK(buffers.find("002X") == std::string::npos);
    CHECK_FALSE(holdsAnywhere(ui.fonts, kRare));   // the atlas no longer has the name's glyph
  }
  ImGui::DestroyContext();
}
