#include "core/id_codes.hpp"

#include <array>

#include "core/identity.hpp"
#include "core/identity_check.hpp"

namespace onestop::core {
namespace {

constexpr std::array<std::string_view, 56> kEthnicityZh{
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
    "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯",
    "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京",
    "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"};

// "ethnicity.01" ... "ethnicity.56", then 97 and 98, as static storage for string_view.
constexpr std::array<std::string_view, 58> kEthnicityKeys{
    "ethnicity.01", "ethnicity.02", "ethnicity.03", "ethnicity.04", "ethnicity.05", "ethnicity.06",
    "ethnicity.07", "ethnicity.08", "ethnicity.09", "ethnicity.10", "ethnicity.11", "ethnicity.12",
    "ethnicity.13", "ethnicity.14", "ethnicity.15", "ethnicity.16", "ethnicity.17", "ethnicity.18",
    "ethnicity.19", "ethnicity.20", "ethnicity.21", "ethnicity.22", "ethnicity.23", "ethnicity.24",
    "ethnicity.25", "ethnicity.26", "ethnicity.27", "ethnicity.28", "ethnicity.29", "ethnicity.30",
    "ethnicity.31", "ethnicity.32", "ethnicity.33", "ethnicity.34", "ethnicity.35", "ethnicity.36",
    "ethnicity.37", "ethnicity.38", "ethnicity.39", "ethnicity.40", "ethnicity.41", "ethnicity.42",
    "ethnicity.43", "ethnicity.44", "ethnicity.45", "ethnicity.46", "ethnicity.47", "ethnicity.48",
    "ethnicity.49", "ethnicity.50", "ethnicity.51", "ethnicity.52", "ethnicity.53", "ethnicity.54",
    "ethnicity.55", "ethnicity.56", "ethnicity.97", "ethnicity.98"};

}  // namespace

int normaliseGenderCode(int code) {
  return code == 1 || code == 2 || code == 9 ? code : 0;
}

std::string_view genderKey(int code) {
  switch (normaliseGenderCode(code)) {
    case 1: return "gender.male";
    case 2: return "gender.female";
    case 9: return "gender.unspecified";
    default: return "gender.unknown";
  }
}

std::string_view genderNameZh(int code) {
  switch (normaliseGenderCode(code)) {
    case 1: return "男";
    case 2: return "女";
    case 9: return "未说明";
    default: return "未知";
  }
}

int normaliseEthnicityCode(int code) {
  return (code >= 1 && code <= 56) || code == 97 || code == 98 ? code : 97;
}

std::string_view ethnicityKey(int code) {
  const int c = normaliseEthnicityCode(code);
  if (c <= 56) return kEthnicityKeys[static_cast<std::size_t>(c - 1)];
  return kEthnicityKeys[c == 97 ? 56 : 57];
}

std::string_view ethnicityNameZh(int code) {
  const int c = normaliseEthnicityCode(code);
  if (c <= 56) return kEthnicityZh[static_cast<std::size_t>(c - 1)];
  return c == 97 ? "其他" : "外国血统中国籍人士";
}

std::vector<std::string_view> idCardI18nKeys() {
  std::vector<std::string_view> keys;
  for (auto t : {CardType::Mainland, CardType::HmtPermit, CardType::Foreign2017, CardType::Foreign2023})
    keys.push_back(cardTypeKey(t));
  for (int g : {0, 1, 2, 9}) keys.push_back(genderKey(g));
  keys.insert(keys.end(), kEthnicityKeys.begin(), kEthnicityKeys.end());
  for (int i = 0; i <= static_cast<int>(IdNumberCheck::BadCheckDigit); ++i)
    keys.push_back(idNumberCheckKey(static_cast<IdNumberCheck>(i)));
  for (int i = 0; i <= static_cast<int>(IdentityCheck::MissingField); ++i) {
    if (static_cast<IdentityCheck>(i) == IdentityCheck::InvalidIdNumber) continue;   // uses id_check.*
    keys.push_back(identityCheckKey({static_cast<IdentityCheck>(i), IdNumberCheck::Valid}));
  }
  // peripherals::CardRead::reasonKey() outcomes that are not identity checks.
  keys.insert(keys.end(), {"card_read.ok", "card_read.unreadable", "card_read.unsupported"});
  return keys;
}

}  // namespace onestop::core
