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
//   bank account      the last 4 digits only:    ****5678
//   address           the region in clear, then the first 2 characters of the street:
//                     北京市市辖区东城区景山****
// A value too short to hide at least three characters is masked completely.
// Text is walked by code point, so rare characters (CJK Ext B) are never cut in half.
#include <string>
#include <string_view>

namespace onestop::core {

std::string maskIdNumber(std::string_view id);
std::string maskName(std::string_view name);
std::string maskPhone(std::string_view phone);
std::string maskBankAccount(std::string_view digits);
/// `regionChars`: how many leading characters are the region (printed in clear); 0 keeps
/// the first 6 characters of an address whose region is not known.
std::string maskAddress(std::string_view address, std::size_t regionChars);
/// How many leading characters of a stored one-line address look like its region (the
/// division names ending in 省/市/区/县/旗/州/盟), for masking an address whose region
/// was not recorded separately. 0 when none is found.
std::size_t regionPrefixChars(std::string_view address);

}  // namespace onestop::core
