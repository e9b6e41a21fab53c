#pragma once
// Masking (脱敏) personal values for screens, receipts and logs.
//
// The rules, chosen to match what Chinese government service portals print:
//   ID / card number  first 6 + last 4 kept:       110105********002X
//   name              first and last character kept, the middle masked; a two-character
//                     name keeps its surname:      张*三, 欧**明, 张*, and a single
//                     character becomes *. Spaces stay, so English names keep their shape.
//   phone             first 3 + last 4 of a mobile number: 138****0000; other numbers
//                     keep only their last 4.
// A value too short to hide at least three characters is masked completely.
// Text is walked by code point, so rare characters (CJK Ext B) are never cut in half.
#include <string>
#include <string_view>

namespace onestop::core {

std::string maskIdNumber(std::string_view id);
std::string maskName(std::string_view name);
std::string maskPhone(std::string_view phone);

}  // namespace onestop::core
