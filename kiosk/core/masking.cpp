#include "core/masking.hpp"

#include <algorithm>
#include <vector>

#include "core/utf8.hpp"

namespace onestop::core {
namespace {

// Keeps `head` leading and `tail` trailing code points and masks the rest with '*'.
// A value too short to hide at least three characters is masked completely.
std::string keepEnds(std::string_view text, std::size_t head, std::size_t tail) {
  const std::vector<char32_t> cps = decodeUtf8(text);
  const std::size_t n = cps.size();
  if (n < head + tail + 3) head = tail = 0;
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i < head || i >= n - tail) appendUtf8(out, cps[i]);
    else out += '*';
  }
  return out;
}

}  // namespace

std::string maskIdNumber(std::string_view id) { return keepEnds(id, 6, 4); }

std::string maskName(std::string_view name) {
  const std::vector<char32_t> cps = decodeUtf8(name);
  std::string out;
  const std::size_t n = cps.size();
  for (std::size_t i = 0; i < n; ++i) {
    const bool first = i == 0 && n >= 2;
    const bool last = i == n - 1 && n >= 3;
    if (cps[i] == U' ' || first || last) appendUtf8(out, cps[i]);
    else out += '*';
  }
  return out;
}

std::string maskPhone(std::string_view phone) {
  if (phone.size() == 11) return keepEnds(phone, 3, 4);   // mobile
  return keepEnds(phone, 0, 4);
}

std::string maskBankAccount(std::string_view digits) {
  if (digits.size() < 8) return std::string(4, '*');
  return "****" + std::string(digits.substr(digits.size() - 4));
}

std::string maskAddress(std::string_view address, std::size_t regionChars) {
  const std::vector<char32_t> cps = decodeUtf8(address);
  const std::size_t keep = regionChars > 0 ? std::min(regionChars, cps.size()) + 2 : 6;
  if (cps.size() < keep + 3) {   // too little left to hide: only the region, if any
    std::string out;
    for (std::size_t i = 0; i < std::min(regionChars, cps.size()); ++i) appendUtf8(out, cps[i]);
    return out + "****";
  }
  std::string out;
  for (std::size_t i = 0; i < keep; ++i) appendUtf8(out, cps[i]);
  return out + "****";
}

std::size_t regionPrefixChars(std::string_view address) {
  // Division names are short: a gap of more than kMaxName characters after the last
  // suffix means the street has begun (a street may itself contain 市 or 区).
  constexpr std::u32string_view kSuffixes = U"省市区县旗州盟";
  constexpr std::size_t kMaxName = 7, kScan = 24;
  const std::vector<char32_t> cps = decodeUtf8(address);
  std::size_t end = 0;
  for (std::size_t i = 0; i < std::min(cps.size(), kScan); ++i) {
    if (i > end + kMaxName) break;
    if (kSuffixes.find(cps[i]) != std::u32string_view::npos) end = i + 1;
  }
  return end;
}

}  // namespace onestop::core
