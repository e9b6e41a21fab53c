#include "idcard/text_block.hpp"

#include "core/utf8.hpp"

namespace onestop::peripherals::idcard {
namespace {

using core::CardType;
using core::Identity;
using Block = std::span<const std::uint8_t, kTextBlockSize>;

// A field's place in the block, in bytes.
struct Field {
  std::size_t offset;
  std::size_t size;
  std::string_view name;
};

class Decoder {
 public:
  explicit Decoder(Block block, TextBlockResult& result) : block_(block), result_(result) {}

  bool text(Field f, std::string& out) {
    auto s = decodeUtf16le(block_.subspan(f.offset, f.size));
    if (!s) return fail(TextBlockError::BadEncoding, f);
    out = std::move(*s);
    return true;
  }

  bool number(Field f, int& out) {
    std::string s;
    if (!text(f, s)) return false;
    if (s.empty()) { out = 0; return true; }
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return fail(TextBlockError::BadCode, f);
      v = v * 10 + (c - '0');
    }
    out = v;
    return true;
  }

  bool date(Field f, std::chrono::year_month_day& out) {
    std::string s;
    if (!text(f, s)) return false;
    if (s.size() != 8) return fail(TextBlockError::BadDate, f);
    int v[3] = {0, 0, 0};
    const std::size_t widths[3] = {4, 2, 2};
    std::size_t pos = 0;
    for (int i = 0; i < 3; ++i) {
      for (std::size_t k = 0; k < widths[i]; ++k, ++pos) {
        if (s[pos] < '0' || s[pos] > '9') return fail(TextBlockError::BadDate, f);
        v[i] = v[i] * 10 + (s[pos] - '0');
      }
    }
    out = std::chrono::year_month_day{std::chrono::year{v[0]}, std::chrono::month{static_cast<unsigned>(v[1])},
                                      std::chrono::day{static_cast<unsigned>(v[2])}};
    if (!out.ok()) return fail(TextBlockError::BadDate, f);
    return true;
  }

  // Valid-to: a date, or 长期 (long-term) which becomes nullopt.
  bool validTo(Field f, std::optional<std::chrono::year_month_day>& out) {
    std::string s;
    if (!text(f, s)) return false;
    if (s == "长期") { out.reset(); return true; }
    std::chrono::year_month_day d;
    if (!date(f, d)) return false;
    out = d;
    return true;
  }

 private:
  bool fail(TextBlockError e, Field f) {
    result_.error = e;
    result_.field = std::string(f.name);
    return false;
  }

  Block block_;
  TextBlockResult& result_;
};

bool decodeMainland(Decoder& d, Identity& id) {
  return d.text({0, 30, "name"}, id.name) && d.number({30, 2, "gender"}, id.genderCode) &&
         d.number({32, 4, "ethnicity"}, id.ethnicityCode) && d.date({36, 16, "birthDate"}, id.birthDate) &&
         d.text({52, 70, "address"}, id.address) && d.text({122, 36, "idNumber"}, id.idNumber) &&
         d.text({158, 30, "issuingAuthority"}, id.issuingAuthority) &&
         d.date({188, 16, "validFrom"}, id.validFrom) && d.validTo({204, 16, "validTo"}, id.validTo);
}

bool decodeHmt(Decoder& d, Identity& id) {
  // Same as mainland for 0-219 except that the ethnicity field is unused.
  return d.text({0, 30, "name"}, id.name) && d.number({30, 2, "gender"}, id.genderCode) &&
         d.date({36, 16, "birthDate"}, id.birthDate) && d.text({52, 70, "address"}, id.address) &&
         d.text({122, 36, "idNumber"}, id.idNumber) &&
         d.text({158, 30, "issuingAuthority"}, id.issuingAuthority) &&
         d.date({188, 16, "validFrom"}, id.validFrom) && d.validTo({204, 16, "validTo"}, id.validTo) &&
         d.text({220, 18, "passNumber"}, id.passNumber) && d.number({238, 4, "issueCount"}, id.issueCount);
}

bool decodeForeign2017(Decoder& d, Identity& id) {
  return d.text({0, 120, "englishName"}, id.englishName) && d.number({120, 2, "gender"}, id.genderCode) &&
         d.text({122, 30, "cardNumber"}, id.idNumber) && d.text({152, 6, "nationality"}, id.nationality) &&
         d.text({158, 30, "chineseName"}, id.name) && d.date({188, 16, "validFrom"}, id.validFrom) &&
         d.validTo({204, 16, "validTo"}, id.validTo) && d.date({220, 16, "birthDate"}, id.birthDate) &&
         d.text({240, 8, "authorityCode"}, id.issuingAuthority);
}

bool decodeForeign2023(Decoder& d, Identity& id) {
  std::string english1, english2;
  const bool ok = d.text({0, 30, "chineseName"}, id.name) && d.number({30, 2, "gender"}, id.genderCode) &&
                  d.date({36, 16, "birthDate"}, id.birthDate) && d.text({52, 70, "englishName"}, english1) &&
                  d.text({122, 36, "cardNumber"}, id.idNumber) &&
                  d.date({188, 16, "validFrom"}, id.validFrom) && d.validTo({204, 16, "validTo"}, id.validTo) &&
                  d.text({220, 22, "englishName2"}, english2) && d.text({242, 6, "nationality"}, id.nationality);
  if (!ok) return false;
  // The name continues in the second field only when the first is full (35 characters),
  // so the space trimmed off the end of the first half may belong between words.
  id.englishName = english1;
  if (!english2.empty()) {
    if (core::decodeUtf8(english1).size() < 35) id.englishName += ' ';
    id.englishName += english2;
  }
  return true;
}

}  // namespace

std::optional<std::string> decodeUtf16le(std::span<const std::uint8_t> bytes) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  std::size_t units = bytes.size() / 2;
  auto unit = [&](std::size_t i) -> char16_t {
    return static_cast<char16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
  };
  while (units > 0 && (unit(units - 1) == u' ' || unit(units - 1) == 0)) --units;
  std::string out;
  for (std::size_t i = 0; i < units; ++i) {
    const char16_t u = unit(i);
    char32_t cp = u;
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 >= units) return std::nullopt;
      const char16_t lo = unit(i + 1);
      if (lo < 0xDC00 || lo > 0xDFFF) return std::nullopt;
      cp = 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (static_cast<char32_t>(lo) - 0xDC00);
      ++i;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return std::nullopt;
    } else if (u < 0x20 || u == 0x7F || u == 0xFFFE || u == 0xFFFF) {
      return std::nullopt;   // control characters and non-characters never appear on a card
    }
    core::appendUtf8(out, cp);
  }
  return out;
}

std::optional<std::string> encodeUtf16leField(std::string_view utf8, std::size_t size) {
  if (!core::isValidUtf8(utf8)) return std::nullopt;
  std::string out;
  auto put = [&](char32_t u) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>((u >> 8) & 0xFF);
  };
  for (char32_t cp : core::decodeUtf8(utf8)) {
    if (cp >= 0x10000) {
      const char32_t v = cp - 0x10000;
      put(0xD800 + (v >> 10));
      put(0xDC00 + (v & 0x3FF));
    } else {
      put(cp);
    }
  }
  if (out.size() > size) return std::nullopt;
  while (out.size() < size) put(u' ');
  return out;
}

std::string_view nameOf(TextBlockError error) {
  switch (error) {
    case TextBlockError::None: return "none";
    case TextBlockError::UnknownCardType: return "unknown card type";
    case TextBlockError::BadEncoding: return "field is not valid UCS-2 text";
    case TextBlockError::BadDate: return "bad date";
    case TextBlockError::BadCode: return "bad code";
  }
  return "unknown";
}

TextBlockResult decodeTextBlock(std::span<const std::uint8_t, kTextBlockSize> block) {
  TextBlockResult result;
  const char16_t flag = static_cast<char16_t>(block[kTypeFlagOffset] | (block[kTypeFlagOffset + 1] << 8));
  Identity& id = result.identity;
  Decoder d(block, result);
  bool ok = false;
  switch (flag) {
    case u' ':
    case 0:
      id.cardType = CardType::Mainland;
      ok = decodeMainland(d, id);
      break;
    case u'J':
      id.cardType = CardType::HmtPermit;
      ok = decodeHmt(d, id);
      break;
    case u'I':
      id.cardType = CardType::Foreign2017;
      ok = decodeForeign2017(d, id);
      break;
    case u'Y':
      id.cardType = CardType::Foreign2023;
      ok = decodeForeign2023(d, id);
      break;
    default:
      result.error = TextBlockError::UnknownCardType;
      result.field = "typeFlag";
      break;
  }
  if (!ok) {
    if (result.error == TextBlockError::None) result.error = TextBlockError::BadEncoding;
    id.wipe();
  }
  return result;
}

}  // namespace onestop::peripherals::idcard
