#pragma once
// Code tables printed on ID cards: gender (GB/T 2261.1) and ethnicity (GB 3304).
// The UI shows i18n keys ("gender.male", "ethnicity.01"); the Chinese names are here for
// tools that print without a catalog (onestop-devices) and to seed the zh-CN catalog.
#include <string_view>
#include <vector>

namespace onestop::core {

/// 0 unknown, 1 male, 2 female, 9 unspecified; anything else is treated as 0.
int normaliseGenderCode(int code);
std::string_view genderKey(int code);       ///< "gender.unknown|male|female|unspecified"
std::string_view genderNameZh(int code);    ///< 未知 / 男 / 女 / 未说明

/// 1-56 the ethnic groups, 97 other, 98 Chinese citizen of foreign descent; every other
/// code (57 included, tables disagree on it) becomes 97 (其他).
int normaliseEthnicityCode(int code);
std::string_view ethnicityKey(int code);    ///< "ethnicity.01" ... "ethnicity.98"
std::string_view ethnicityNameZh(int code); ///< 汉, 蒙古, ... 其他, 外国血统中国籍人士

/// Every i18n key the identity domain can hand to the UI: card types, genders,
/// ethnicities, ID number and identity check reasons, card read outcomes (for the
/// catalog completeness test).
std::vector<std::string_view> idCardI18nKeys();

}  // namespace onestop::core
