#pragma once
// One function per screen. Each draws from the read-only session state into the content
// area the frame gives it, and reports intents through ui.emit(); none touches a device.
#include <imgui.h>

#include <string_view>

#include "core/session.hpp"
#include "ui/context.hpp"

namespace onestop::ui {

struct Area {
  ImVec2 pos, size;
};

void drawHome(UiContext& ui, const core::SessionState& s, Area area);
void drawServiceGuide(UiContext& ui, const core::SessionState& s, Area area);
void drawServiceDetail(UiContext& ui, const core::SessionState& s, Area area);
void drawDisplayCheck(UiContext& ui, const core::SessionState& s, Area area);
void drawIdentify(UiContext& ui, const core::SessionState& s, Area area);
void drawIdentified(UiContext& ui, const core::SessionState& s, Area area);
void drawScan(UiContext& ui, const core::SessionState& s, Area area);
void drawScanResult(UiContext& ui, const core::SessionState& s, Area area);
void drawCertificate(UiContext& ui, const core::SessionState& s, Area area);
void drawFiling(UiContext& ui, const core::SessionState& s, Area area);
void drawTicket(UiContext& ui, const core::SessionState& s, Area area);
void drawQuery(UiContext& ui, const core::SessionState& s, Area area);
void drawComplaint(UiContext& ui, const core::SessionState& s, Area area);
void drawProgressEntry(UiContext& ui, const core::SessionState& s, Area area);

/// The satisfaction rating of a finished transaction, at the cursor, above `bottomLimit`
/// (certificate and filing screens).
void drawRatingPanel(UiContext& ui, const core::RatingFlow& r, Area area, float bottomLimit);
/// The rating's own words on the keyboard: drawn instead of the screen it was offered on.
void drawRatingComment(UiContext& ui, const core::RatingFlow& r, Area area);

/// A scrolling region moved only by big "previous/next page" buttons (taps, no swipes).
/// Call begin, draw at the cursor, then end (which draws the page buttons when needed).
/// `content` names what is shown (a service id, a filter): when it changes, back to page 1.
void beginPagedArea(UiContext& ui, const char* id, Area area, std::string_view content);
void endPagedArea(UiContext& ui, const char* id, Area area);
/// Every paged area back to page 1, its content forgotten (end of a session).
void forgetPagedAreas();

}  // namespace onestop::ui
