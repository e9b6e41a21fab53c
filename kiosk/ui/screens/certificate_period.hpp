#pragma once
// The certificate's period on screen: the choice (big buttons) and how a period reads.
#include <string>

#include "core/certificate_flow.hpp"
#include "ui/screens/screens.hpp"

namespace onestop::ui {

/// The period screen: whole record, the last 12 / 36 months, this year and the four before.
void drawCertificatePeriod(UiContext& ui, Area area);
/// "2024-01" as "2024年1月" / "January 2024".
std::string periodMonthText(UiContext& ui, const std::string& month);
/// "证明期间：2024年1月 至 2024年12月"; empty when the period is not known.
std::string periodLineText(UiContext& ui, const core::MonthPeriod& period);

}  // namespace onestop::ui
